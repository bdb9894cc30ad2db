import type { EdrNetworkMiningUserConfig, EdrNetworkUserConfig } from 'hardhat/types/config'

/**
 * What the in-process network needs from a Clique genesis. The clique package derives it from a
 * genesis it builds (`config.chainId`, the fork blocks, `gasLimit`, the funded keys of `alloc`).
 */
export type CliqueNetworkParameters = {
  chainId: number
  /** Clique seals up to London; nothing later exists on the real chain. */
  hardfork: 'london' | 'berlin'
  /** Block gas limit in gas units (the genesis `gasLimit`). */
  gasLimit: bigint
  /** Accounts the simulated chain starts with; balance in wei. */
  accounts: readonly { privateKey: `0x${string}`; balance: bigint }[]
  /** The genesis base fee under London (the genesis `baseFeePerGas`); Hardhat's default when absent. */
  initialBaseFeePerGas?: bigint
  /** Defaults to automine: one block per transaction, what tests want. */
  mining?: EdrNetworkMiningUserConfig
}

/** The Hardhat `edr-simulated` network config that mirrors a Clique chain. */
export function cliqueNetworkConfig(parameters: CliqueNetworkParameters): EdrNetworkUserConfig {
  return {
    type: 'edr-simulated',
    chainType: 'l1',
    chainId: parameters.chainId,
    hardfork: parameters.hardfork,
    blockGasLimit: parameters.gasLimit,
    mining: parameters.mining ?? { auto: true },
    accounts: parameters.accounts.map(({ privateKey, balance }) => ({ privateKey, balance })),
    ...(parameters.initialBaseFeePerGas === undefined ? {} : { initialBaseFeePerGas: parameters.initialBaseFeePerGas }),
  }
}
