/**
 * SSVNetwork's `Cluster` struct, the snapshot every cluster call must pass back as it was last
 * emitted: the contract stores only its hash per (owner, operator ids) and reverts
 * `IncorrectClusterState()` on any other.
 */
export type SsvCluster = {
  /** uint32 */
  readonly validatorCount: number
  /** uint64 */
  readonly networkFeeIndex: bigint
  /** uint64 */
  readonly index: bigint
  readonly active: boolean
  /** uint256, in SSV wei */
  readonly balance: bigint
}
