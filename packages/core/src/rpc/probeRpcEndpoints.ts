import * as v from 'valibot'
import { parseWith } from '../schema/parseWith.ts'
import type { SchemaValidationError } from '../schema/SchemaValidationError.ts'
import { withExpects } from '../schema/withExpects.ts'
import { choosePrimaryEndpoint } from './choosePrimaryEndpoint.ts'
import { displayUrl } from './displayUrl.ts'
import type { RpcCallTimings } from './RpcCallTimings.ts'
import type { RpcEndpointProbe, RpcSyncStatus } from './RpcEndpointProbe.ts'
import { RpcProbeError } from './RpcProbeError.ts'
import { summariseRpcTimings } from './summariseRpcTimings.ts'
import { timeRpcCall } from './timeRpcCall.ts'

/** One timed call done (or failed), for progress output on long runs. */
export type RpcProbeProgress = {
  /** The endpoint as shown (no user:password). */
  url: string
  /** 1-based number of the `eth_syncing` call. */
  call: number
  calls: number
  /** The call's timings, or why it failed (the endpoint is then probed no further). */
  outcome: RpcCallTimings | RpcProbeError
}

export type ProbeRpcEndpointsParameters = {
  /** The endpoints, `http://` or `https://`, each at most once. */
  urls: readonly string[]
  /** Timed `eth_syncing` calls per endpoint, each over a fresh connection (1 to 1000); default 5. */
  calls?: number | undefined
  /** Budget of each call, connection included, in ms (1 to 600000); default 5000. */
  timeoutMs?: number | undefined
  /** The certificates (PEM) to trust for https instead of the default roots, as curl's `--cacert`. */
  ca?: string | Uint8Array | undefined
  /** Called after every timed call. */
  onProgress?: ((progress: RpcProbeProgress) => void) | undefined
}

export type ProbeRpcEndpointsReturnType = {
  calls: number
  timeoutMs: number
  /** One per URL, in the order given. */
  endpoints: RpcEndpointProbe[]
  /** The highest head among the endpoints that are up; `null` when none is. */
  bestHead: bigint | null
  /** The URL (as shown) to make primary, by the rule of {@link probeRpcEndpoints}; `null` when none qualifies. */
  primary: string | null
}

export type ProbeRpcEndpointsErrorType = RpcProbeError

const httpUrlSchema = withExpects(
  v.custom<string>((input) => {
    if (typeof input !== 'string' || !URL.canParse(input)) return false
    const { protocol } = new URL(input)
    return protocol === 'http:' || protocol === 'https:'
  }),
  'an http:// or https:// URL',
)

const parametersSchema = v.object({
  urls: v.pipe(v.array(httpUrlSchema), v.minLength(1)),
  calls: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)), 5),
  timeoutMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(600_000)), 5000),
  ca: v.optional(v.union([v.string(), v.instance(Uint8Array)])),
  onProgress: v.optional(v.function()),
})

const quantity = (value: unknown): bigint | undefined =>
  typeof value === 'string' && /^0x[0-9a-f]{1,64}$/i.test(value) ? BigInt(value) : undefined

function syncStatusOf(result: unknown, shown: string): RpcSyncStatus | RpcProbeError {
  if (result === false) return false
  const progress = (typeof result === 'object' && result !== null ? result : {}) as Record<string, unknown>
  const currentBlock = quantity(progress.currentBlock)
  const highestBlock = quantity(progress.highestBlock)
  if (currentBlock !== undefined && highestBlock !== undefined) return { currentBlock, highestBlock }
  return new RpcProbeError({
    code: 'RPC_PROBE_INVALID_RESULT',
    shortMessage: `eth_syncing on ${shown} answered neither false nor a sync progress`,
    details: 'expected false, or an object with hex currentBlock and highestBlock',
  })
}

/**
 * Measures JSON-RPC endpoints the way the source does with `curl -w` before it picks the primary
 * EL endpoint: per endpoint, `calls` timed `eth_syncing` calls, each over a fresh connection so DNS,
 * TCP connect, TLS handshake, first byte and total are all paid (median and worst of each), one
 * after another so that they do not compete; then `eth_blockNumber` from every endpoint at once,
 * and each head's lag behind the highest.
 *
 * An endpoint is `down` at its first failed call, with the typed reason (refused, timed out, DNS,
 * TLS, HTTP status, not JSON, a JSON-RPC error, a malformed result); nothing about an endpoint
 * throws. The primary: among the endpoints that are up and not syncing, the smallest lag, then the
 * lowest median total time, then the first given; `null` when no endpoint is up and in sync.
 *
 * Throws an {@link RpcProbeError} `RPC_PROBE_INVALID_INPUT` naming the argument (`urls.1`,
 * `calls`) before any request when the input is not acceptable.
 */
export async function probeRpcEndpoints(parameters: ProbeRpcEndpointsParameters): Promise<ProbeRpcEndpointsReturnType> {
  const { urls, calls, timeoutMs, ca, onProgress } = parseParameters(parameters)
  type State = {
    url: URL
    shown: string
    samples: RpcCallTimings[]
    syncing: RpcSyncStatus
    head: bigint
    reason?: RpcProbeError
  }
  const states: State[] = []
  for (const text of urls) {
    const url = new URL(text)
    const state: State = { url, shown: displayUrl(url), samples: [], syncing: false, head: 0n }
    states.push(state)
    for (let call = 1; call <= calls; call++) {
      try {
        const { timings, result } = await timeRpcCall({ url, method: 'eth_syncing', timeoutMs, ca })
        const syncing = syncStatusOf(result, state.shown)
        if (syncing instanceof RpcProbeError) throw syncing
        state.syncing = syncing
        state.samples.push(timings)
        onProgress?.({ url: state.shown, call, calls, outcome: timings })
      } catch (caught) {
        state.reason = caught as RpcProbeError
        onProgress?.({ url: state.shown, call, calls, outcome: state.reason })
        break
      }
    }
  }
  // heads read together, so that a block sealed between two reads does not count as lag
  await Promise.all(
    states.map(async (state) => {
      if (state.reason) return
      try {
        const { result } = await timeRpcCall({ url: state.url, method: 'eth_blockNumber', timeoutMs, ca })
        const head = quantity(result)
        if (head === undefined) {
          throw new RpcProbeError({
            code: 'RPC_PROBE_INVALID_RESULT',
            shortMessage: `eth_blockNumber on ${state.shown} did not answer a hex quantity`,
            details: `got ${typeof result === 'string' ? `"${result.slice(0, 70)}"` : typeof result}`,
          })
        }
        state.head = head
      } catch (caught) {
        state.reason = caught as RpcProbeError
      }
    }),
  )
  let bestHead: bigint | null = null
  for (const { reason, head } of states) if (!reason && (bestHead === null || head > bestHead)) bestHead = head
  const endpoints = states.map(({ shown, samples, syncing, head, reason }): RpcEndpointProbe => {
    if (reason) return { url: shown, status: 'down', reason, samples }
    const lag = (bestHead as bigint) - head
    return { url: shown, status: 'up', syncing, head, lag, timings: summariseRpcTimings(samples), samples }
  })
  return { calls, timeoutMs, endpoints, bestHead, primary: choosePrimaryEndpoint(endpoints)?.url ?? null }
}

function parseParameters(parameters: ProbeRpcEndpointsParameters) {
  let parsed: v.InferOutput<typeof parametersSchema>
  try {
    parsed = parseWith(parametersSchema, parameters, {
      code: 'RPC_PROBE_INVALID_INPUT',
      what: 'probeRpcEndpoints parameters',
    })
  } catch (error) {
    const { shortMessage, details } = error as SchemaValidationError
    throw new RpcProbeError({ code: 'RPC_PROBE_INVALID_INPUT', shortMessage, details, cause: error })
  }
  const seen = new Map<string, number>()
  for (const [index, text] of parsed.urls.entries()) {
    const href = new URL(text).href
    const first = seen.get(href)
    if (first !== undefined) {
      throw new RpcProbeError({
        code: 'RPC_PROBE_INVALID_INPUT',
        shortMessage: 'Invalid probeRpcEndpoints parameters',
        details: `urls.${index}: the same endpoint as urls.${first}`,
      })
    }
    seen.set(href, index)
  }
  return parsed as typeof parsed & { onProgress?: ProbeRpcEndpointsParameters['onProgress'] }
}
