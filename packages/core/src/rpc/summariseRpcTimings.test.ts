import assert from 'node:assert/strict'
import type { RpcCallTimings } from './RpcCallTimings.ts'
import { summariseRpcTimings } from './summariseRpcTimings.ts'

const sample = (totalMs: number, tlsMs: number | null = null): RpcCallTimings => ({
  dnsMs: totalMs / 10,
  connectMs: totalMs / 5,
  tlsMs,
  firstByteMs: totalMs / 2,
  totalMs,
})

describe('summariseRpcTimings', () => {
  it('an odd count: the middle value is the median, the largest the worst, whatever the order', () => {
    const timings = summariseRpcTimings([sample(30), sample(10), sample(20)])
    assert.deepEqual(timings.total, { median: 20, worst: 30 })
    assert.deepEqual(timings.firstByte, { median: 10, worst: 15 })
    assert.deepEqual(timings.connect, { median: 4, worst: 6 })
    assert.deepEqual(timings.dns, { median: 2, worst: 3 })
    assert.equal(timings.tls, null)
  })

  it('an even count: the mean of the two middle values; rounded to the microsecond', () => {
    const timings = summariseRpcTimings([sample(4), sample(1), sample(2.0004), sample(100)])
    assert.deepEqual(timings.total, { median: 3, worst: 100 })
    assert.deepEqual(summariseRpcTimings([sample(1.23456)]).total, { median: 1.235, worst: 1.235 })
  })

  it('tls is summarised when every call had a handshake, and null otherwise', () => {
    assert.deepEqual(summariseRpcTimings([sample(10, 5), sample(12, 9)]).tls, { median: 7, worst: 9 })
    assert.equal(summariseRpcTimings([sample(10, 5), sample(12)]).tls, null)
  })
})
