import { CliqueError, type Genesis } from '@chainops/clique'
import { getAddress, type Hex } from 'viem'
import { privateKeyToAddress } from 'viem/accounts'
import type { CliqueNetworkParameters } from './cliqueNetworkConfig.ts'

export type CliqueNetworkFromGenesisParameters = {
  /** Keys of accounts the genesis funds; each becomes a Hardhat account with its alloc balance. */
  privateKeys: readonly Hex[]
  mining?: CliqueNetworkParameters['mining']
}

/**
 * The in-process network's parameters taken from a Clique genesis built by @chainops/clique:
 * chain id, hardfork (London or Berlin active at block 0, the only forks a Clique chain ends on),
 * block gas limit, London base fee, and the funded accounts whose keys are given.
 *
 * Hardhat's simulated network starts from keyed accounts only, so alloc entries without a key
 * (a cold wallet, a predeployed contract's code) are not mirrored; a key the genesis does not
 * fund is refused rather than silently given a balance the real chain would not have.
 */
export function cliqueNetworkFromGenesis(
  genesis: Genesis,
  parameters: CliqueNetworkFromGenesisParameters,
): CliqueNetworkParameters {
  const { config } = genesis
  const hardfork = config.londonBlock === 0 ? 'london' : config.berlinBlock === 0 ? 'berlin' : undefined
  if (hardfork === undefined || (hardfork === 'berlin' && config.londonBlock !== undefined)) {
    throw new CliqueError({
      code: 'CLIQUE_GENESIS_FORK_UNSUPPORTED',
      shortMessage: 'the Hardhat clique network mirrors a genesis with London (or Berlin) active at block 0 only',
      path: config.berlinBlock === 0 ? 'config.londonBlock' : 'config.berlinBlock',
    })
  }
  const accounts = parameters.privateKeys.map((privateKey, index) => {
    const address = getAddress(privateKeyToAddress(privateKey))
    const funded = genesis.alloc[address]
    if (!funded) {
      throw new CliqueError({
        code: 'CLIQUE_GENESIS_INVALID',
        shortMessage: `key ${index} (${address}) has no account in the genesis alloc`,
        path: `alloc.${address}`,
      })
    }
    return { privateKey, balance: funded.balance }
  })
  return {
    chainId: config.chainId,
    hardfork,
    gasLimit: genesis.gasLimit,
    accounts,
    ...(hardfork === 'london' && genesis.baseFeePerGas !== undefined
      ? { initialBaseFeePerGas: genesis.baseFeePerGas }
      : {}),
    ...(parameters.mining ? { mining: parameters.mining } : {}),
  }
}
