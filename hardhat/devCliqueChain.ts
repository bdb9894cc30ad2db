import { keccak256, parseEther, stringToBytes } from 'viem'
import type { CliqueNetworkParameters } from './cliqueNetworkConfig.ts'

/**
 * The chain the in-process `clique` network simulates until the clique package feeds a genesis
 * it built: the chain id of the seed's private chain, London (the last fork Clique seals), a
 * 30M gas block and three prefunded accounts.
 *
 * The keys are derived from public labels (keccak256 of `chainops-dev-clique-<i>`): they are
 * test keys that anyone can recompute, never to hold value anywhere.
 */
export const devCliqueChain: CliqueNetworkParameters = {
  chainId: 2789,
  hardfork: 'london',
  gasLimit: 30_000_000n,
  accounts: [0, 1, 2].map((index) => ({
    privateKey: keccak256(stringToBytes(`chainops-dev-clique-${index}`)),
    balance: parseEther('10000'),
  })),
}
