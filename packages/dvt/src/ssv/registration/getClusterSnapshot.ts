import { type EthersProvider, toViemClient } from '@chainops/core/ethers'
import type { Address, Chain, Client, Transport } from 'viem'
import { getContractEvents } from 'viem/actions'
import { assertOperatorIds } from './assertOperatorIds.ts'
import { emptySsvCluster } from './emptySsvCluster.ts'
import type { SsvCluster } from './SsvCluster.ts'
import { ssvNetworkAbi } from './ssvNetworkAbi.ts'

export type GetClusterSnapshotParameters = {
  /** The SSVNetwork proxy. */
  contract: Address
  owner: Address
  /** The cluster's operators (4, 7, 10 or 13, strictly ascending). */
  operatorIds: readonly (bigint | number)[]
  /** The first block to scan: SSVNetwork's deployment block or earlier (default 0). */
  fromBlock?: bigint | undefined
  /**
   * The last block to scan (default: the node's latest). Give the same height to the nonce and the
   * snapshot reads to have both from one state of the chain.
   */
  toBlock?: bigint | undefined
}

export type GetClusterSnapshotReturnType = {
  cluster: SsvCluster
  /** The event the snapshot comes from; undefined for a cluster with no event (the empty snapshot). */
  source: { eventName: string; blockNumber: bigint; logIndex: number } | undefined
}

/** Every SSVNetwork event that carries an owner's cluster struct after the call that emitted it. */
const clusterEvents = [
  'ValidatorAdded',
  'ValidatorRemoved',
  'ClusterDeposited',
  'ClusterWithdrawn',
  'ClusterLiquidated',
  'ClusterReactivated',
] as const

type ClusterEventArgs = { owner: Address; operatorIds: readonly bigint[]; cluster: SsvCluster }

/**
 * The cluster snapshot of (`owner`, `operatorIds`) that the next call must pass: the struct of the
 * latest of its `ValidatorAdded`, `ValidatorRemoved`, `ClusterDeposited`, `ClusterWithdrawn`,
 * `ClusterLiquidated` and `ClusterReactivated` events (latest by block, then log index), or
 * `{0, 0, 0, true, 0}` when it has none. SSVNetwork stores only the struct's hash, so the logs are
 * the one place the struct is kept.
 */
export async function getClusterSnapshot<TChain extends Chain | undefined>(
  clientOrProvider: Client<Transport, TChain> | EthersProvider,
  parameters: GetClusterSnapshotParameters,
): Promise<GetClusterSnapshotReturnType> {
  const client: Client = toViemClient(clientOrProvider)
  const wanted = assertOperatorIds(parameters.operatorIds).join(',')
  const batches = await Promise.all(
    clusterEvents.map((eventName) =>
      getContractEvents(client, {
        address: parameters.contract,
        abi: ssvNetworkAbi,
        eventName,
        args: { owner: parameters.owner },
        fromBlock: parameters.fromBlock ?? 0n,
        toBlock: parameters.toBlock ?? 'latest',
        strict: true,
      }),
    ),
  )
  let latest: { cluster: SsvCluster; eventName: string; blockNumber: bigint; logIndex: number } | undefined
  for (const log of batches.flat()) {
    const args = log.args as unknown as ClusterEventArgs
    if (args.operatorIds.join(',') !== wanted || log.blockNumber === null || log.logIndex === null) continue
    const later =
      !latest ||
      log.blockNumber > latest.blockNumber ||
      (log.blockNumber === latest.blockNumber && log.logIndex > latest.logIndex)
    if (later) {
      latest = {
        cluster: { ...args.cluster },
        eventName: log.eventName ?? 'unknown',
        blockNumber: log.blockNumber,
        logIndex: log.logIndex,
      }
    }
  }
  if (!latest) return { cluster: { ...emptySsvCluster }, source: undefined }
  const { cluster, ...source } = latest
  return { cluster, source }
}
