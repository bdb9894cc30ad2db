import type { RpcCallTimings } from './RpcCallTimings.ts'
import type { RpcEndpointTimings, RpcTimingSummary } from './RpcEndpointProbe.ts'

function summary(values: readonly number[]): RpcTimingSummary {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  // an even count has two middles: their mean, as a median is usually defined
  const median =
    sorted.length % 2 === 1
      ? (sorted[middle] as number)
      : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
  return { median: roundMicros(median), worst: roundMicros(sorted[sorted.length - 1] as number) }
}

function roundMicros(ms: number): number {
  return Math.round(ms * 1000) / 1000
}

/** Median and worst of each timing over at least one call; `tls` only when every call had a handshake. */
export function summariseRpcTimings(samples: readonly RpcCallTimings[]): RpcEndpointTimings {
  const tls = samples.map((s) => s.tlsMs)
  return {
    dns: summary(samples.map((s) => s.dnsMs)),
    connect: summary(samples.map((s) => s.connectMs)),
    tls: tls.every((ms) => ms !== null) ? summary(tls as number[]) : null,
    firstByte: summary(samples.map((s) => s.firstByteMs)),
    total: summary(samples.map((s) => s.totalMs)),
  }
}
