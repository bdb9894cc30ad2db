import { buildGenesis, type Genesis } from '@chainops/clique'
import { parseEther } from 'viem'
import { privateKeyToAddress } from 'viem/accounts'
import { devCliqueKeys } from './devCliqueKeys.ts'

/**
 * The dev Clique genesis, built by @chainops/clique: the seed's chain id 2789, London (the last
 * fork Clique seals), a 30M gas block, the first dev key as sole sealer and 10,000 coins on each
 * dev key. The same genesis runs on real geth (`chainops genesis init` builds its like).
 */
export const devCliqueGenesis: Genesis = buildGenesis({
  chainId: 2789,
  sealers: [privateKeyToAddress(devCliqueKeys[0] as `0x${string}`)],
  hardfork: 'london',
  gasLimit: 30_000_000n,
  alloc: Object.fromEntries(devCliqueKeys.map((key) => [privateKeyToAddress(key), { balance: parseEther('10000') }])),
})
