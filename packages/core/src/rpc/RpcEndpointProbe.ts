import type { RpcCallTimings } from './RpcCallTimings.ts'
import type { RpcProbeError } from './RpcProbeError.ts'

/** The median and the worst (largest) of one timing over the calls, in milliseconds. */
export type RpcTimingSummary = { median: number; worst: number }

/** Each timing of {@link RpcCallTimings} summarised over the calls; `tls` is `null` over plain http. */
export type RpcEndpointTimings = {
  dns: RpcTimingSummary
  connect: RpcTimingSummary
  tls: RpcTimingSummary | null
  firstByte: RpcTimingSummary
  total: RpcTimingSummary
}

/** What `eth_syncing` answered: `false` when in sync, else the node's progress. */
export type RpcSyncStatus = false | { currentBlock: bigint; highestBlock: bigint }

/** An endpoint that answered every call. */
export type RpcEndpointUp = {
  /** The URL as given, without any user:password part. */
  url: string
  status: 'up'
  /** The last `eth_syncing` answer. */
  syncing: RpcSyncStatus
  /** `eth_blockNumber`, read from every endpoint at once after the timed calls. */
  head: bigint
  /** How many blocks the head is behind the highest head among the endpoints that are up. */
  lag: bigint
  timings: RpcEndpointTimings
  /** Every timed `eth_syncing` call, in order. */
  samples: RpcCallTimings[]
}

/** An endpoint whose call failed; it is probed no further after its first failure. */
export type RpcEndpointDown = {
  /** The URL as given, without any user:password part. */
  url: string
  status: 'down'
  /** Why: refused, timed out, not JSON, a JSON-RPC error... (`reason.code`). */
  reason: RpcProbeError
  /** The calls that succeeded before the failure. */
  samples: RpcCallTimings[]
}

/** One endpoint of a `probeRpcEndpoints` report. */
export type RpcEndpointProbe = RpcEndpointUp | RpcEndpointDown
