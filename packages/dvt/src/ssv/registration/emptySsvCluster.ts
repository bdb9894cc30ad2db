import type { SsvCluster } from './SsvCluster.ts'

/** The snapshot of a cluster that has no event yet: what the first registration must pass. */
export const emptySsvCluster: SsvCluster = Object.freeze({
  validatorCount: 0,
  networkFeeIndex: 0n,
  index: 0n,
  active: true,
  balance: 0n,
})
