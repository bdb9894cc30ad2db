import assert from 'node:assert/strict'
import { choosePrimaryEndpoint } from './choosePrimaryEndpoint.ts'
import type { RpcEndpointProbe, RpcSyncStatus } from './RpcEndpointProbe.ts'
import { RpcProbeError } from './RpcProbeError.ts'

const summary = (median: number) => ({ median, worst: median * 2 })
const upEndpoint = (
  url: string,
  lag: bigint,
  medianTotal: number,
  syncing: RpcSyncStatus = false,
): RpcEndpointProbe => ({
  url,
  status: 'up',
  syncing,
  head: 100n - lag,
  lag,
  timings: { dns: summary(0), connect: summary(0.1), tls: null, firstByte: summary(0.2), total: summary(medianTotal) },
  samples: [],
})
const downEndpoint = (url: string): RpcEndpointProbe => ({
  url,
  status: 'down',
  reason: new RpcProbeError({ code: 'RPC_PROBE_REFUSED', shortMessage: `${url} refused the connection` }),
  samples: [],
})

describe('choosePrimaryEndpoint', () => {
  const rows: { name: string; endpoints: RpcEndpointProbe[]; primary: string | undefined }[] = [
    {
      name: 'the smallest lag wins over a faster one',
      endpoints: [upEndpoint('a', 1n, 1), upEndpoint('b', 0n, 9)],
      primary: 'b',
    },
    {
      name: 'equal lag: the lowest median total',
      endpoints: [upEndpoint('a', 0n, 5), upEndpoint('b', 0n, 2)],
      primary: 'b',
    },
    {
      name: 'equal lag and median: the first given',
      endpoints: [upEndpoint('a', 0n, 2), upEndpoint('b', 0n, 2)],
      primary: 'a',
    },
    {
      name: 'a syncing endpoint is passed over, even at lag 0',
      endpoints: [upEndpoint('a', 0n, 1, { currentBlock: 100n, highestBlock: 200n }), upEndpoint('b', 3n, 4)],
      primary: 'b',
    },
    { name: 'a down endpoint is passed over', endpoints: [downEndpoint('a'), upEndpoint('b', 2n, 4)], primary: 'b' },
    {
      name: 'none up and in sync: none',
      endpoints: [downEndpoint('a'), upEndpoint('b', 0n, 1, { currentBlock: 1n, highestBlock: 2n })],
      primary: undefined,
    },
    { name: 'no endpoints: none', endpoints: [], primary: undefined },
  ]
  for (const { name, endpoints, primary } of rows) {
    it(name, () => {
      assert.equal(choosePrimaryEndpoint(endpoints)?.url, primary)
    })
  }
})
