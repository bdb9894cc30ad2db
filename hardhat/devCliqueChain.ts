import type { CliqueNetworkParameters } from './cliqueNetworkConfig.ts'
import { cliqueNetworkFromGenesis } from './cliqueNetworkFromGenesis.ts'
import { devCliqueGenesis } from './devCliqueGenesis.ts'
import { devCliqueKeys } from './devCliqueKeys.ts'

/**
 * What the in-process `clique` network simulates: chain id, hardfork, gas limit, base fee and
 * prefunded accounts, all read from the genesis @chainops/clique built (devCliqueGenesis).
 */
export const devCliqueChain: CliqueNetworkParameters = cliqueNetworkFromGenesis(devCliqueGenesis, {
  privateKeys: devCliqueKeys,
})
