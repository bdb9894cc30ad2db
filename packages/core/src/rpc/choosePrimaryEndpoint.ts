import type { RpcEndpointProbe, RpcEndpointUp } from './RpcEndpointProbe.ts'

/**
 * The endpoint to make primary: among those that are up and not syncing, the smallest lag behind
 * the best head, then the lowest median total time, then the first given. `undefined` when no
 * endpoint is up and in sync.
 */
export function choosePrimaryEndpoint(endpoints: readonly RpcEndpointProbe[]): RpcEndpointUp | undefined {
  let best: RpcEndpointUp | undefined
  for (const endpoint of endpoints) {
    if (endpoint.status !== 'up' || endpoint.syncing !== false) continue
    if (
      best === undefined ||
      endpoint.lag < best.lag ||
      (endpoint.lag === best.lag && endpoint.timings.total.median < best.timings.total.median)
    )
      best = endpoint
  }
  return best
}
