import type { Address } from 'viem'

/** A SplitsV2 split as the contracts take it (`SplitV2Lib.Split`); its hash is the split's identity. */
export type SplitV2Params = {
  recipients: readonly Address[]
  allocations: readonly bigint[]
  totalAllocation: bigint
  /** Share of each distribution paid to whoever calls distribute, in 1e-6 (uint16: at most 6.5535%). */
  distributionIncentive: number
}
