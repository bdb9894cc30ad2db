import assert from 'node:assert/strict'
import { isChainopsError, SqliteQueue, SqliteStore } from '@chainops/core'
import type { AuthenticatedLnd } from 'lightning'
import { afterEach, beforeEach, describe, it } from 'mocha'
import { startSettleSubscriber } from './startSettleSubscriber.ts'

describe('startSettleSubscriber lease options', () => {
  let store: SqliteStore
  let queue: SqliteQueue
  beforeEach(() => {
    store = new SqliteStore({ path: ':memory:' })
    queue = new SqliteQueue({ path: ':memory:', name: 'mint' })
  })
  afterEach(async () => {
    await queue.close()
    await store.close()
  })
  const start = (lease: { holder: string; ttlMs?: number; pollIntervalMs?: number }) =>
    startSettleSubscriber({
      lnd: {} as AuthenticatedLnd,
      store,
      queue,
      nodeKey: '02'.padEnd(66, '0'),
      sender: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
      lease,
    })

  for (const [what, lease] of [
    ['an empty holder', { holder: '' }],
    ['a TTL of 0', { holder: 'a', ttlMs: 0 }],
    ['a fractional TTL', { holder: 'a', ttlMs: 1.5 }],
    ['a poll interval not below the TTL', { holder: 'a', ttlMs: 1000, pollIntervalMs: 1000 }],
  ] as const)
    it(`refuses ${what} with SETTLE_INVALID_PARAMETERS, before touching lnd`, () => {
      assert.throws(
        () => start(lease),
        (e) => isChainopsError(e, 'SETTLE_INVALID_PARAMETERS'),
      )
    })

  it('stays standby while another holder has the lease', async () => {
    await store.putIfAbsent('settle_leases', '02'.padEnd(66, '0'), {
      owner: 'x',
      holder: 'other',
      host: 'elsewhere',
      pid: 1,
      expiresAt: Date.now() + 60_000,
    })
    const subscriber = start({ holder: 'a', ttlMs: 1000, pollIntervalMs: 50 })
    await new Promise((resolve) => setTimeout(resolve, 150))
    assert.equal(subscriber.active, false)
    await subscriber.stop()
  })
})
