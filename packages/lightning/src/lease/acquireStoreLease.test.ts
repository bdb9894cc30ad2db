import assert from 'node:assert/strict'
import { isChainopsError, SqliteStore } from '@chainops/core'
import { afterEach, beforeEach, describe, it } from 'mocha'
import { acquireStoreLease } from './acquireStoreLease.ts'
import { fenceStoreWrites } from './fenceStoreWrites.ts'

const errors = {
  held: 'SETTLE_LEASE_HELD',
  lost: 'SETTLE_LEASE_LOST',
  heldMessage: 'held',
  lostMessage: 'lost',
} as const

describe('acquireStoreLease and fenceStoreWrites', () => {
  let store: SqliteStore
  let clock: number
  const now = () => clock
  const take = (holder: string) =>
    acquireStoreLease({ store, table: 'test_leases', key: 'node', ttlMs: 1000, holder, errors, now })

  beforeEach(() => {
    store = new SqliteStore({ path: ':memory:' })
    clock = 1_000_000
  })
  afterEach(() => store.close())

  it('is held until it expires, then another holder takes it and the first one has lost it', async () => {
    const a = await take('a')
    await assert.rejects(take('b'), (e) => isChainopsError(e, 'SETTLE_LEASE_HELD') && /held by a/.test(e.details ?? ''))
    clock += 999
    await a.renew()
    clock += 999
    await assert.rejects(take('b'), (e) => isChainopsError(e, 'SETTLE_LEASE_HELD'))
    clock += 1
    const b = await take('b')
    await assert.rejects(a.renew(), (e) => isChainopsError(e, 'SETTLE_LEASE_LOST'))
    await b.renew()
  })

  it('fences every write: once the lease is taken, the old holder writes nothing', async () => {
    const a = await take('a')
    const fenced = fenceStoreWrites(store, a)
    const version = await fenced.putIfAbsent('invoices', 'h1', { state: 'PAID' })
    assert.equal(version, 1)
    // each fenced write renews the lease too: it stays ours
    clock += 900
    await fenced.compareAndSet('invoices', 'h1', 1, { state: 'PAID', again: true })
    clock += 900
    await assert.rejects(take('b'), (e) => isChainopsError(e, 'SETTLE_LEASE_HELD'))
    clock += 1000
    await take('b')
    await assert.rejects(fenced.putIfAbsent('invoices', 'h2', { state: 'PAID' }), (e) =>
      isChainopsError(e, 'SETTLE_LEASE_LOST'),
    )
    await assert.rejects(fenced.compareAndSet('invoices', 'h1', 2, {}), (e) => isChainopsError(e, 'SETTLE_LEASE_LOST'))
    assert.equal(await store.get('invoices', 'h2'), undefined)
    assert.deepEqual((await store.get('invoices', 'h1'))?.value, { state: 'PAID', again: true })
  })

  it('a failed condition of the write itself is not a lost lease', async () => {
    const a = await take('a')
    const fenced = fenceStoreWrites(store, a)
    await fenced.putIfAbsent('invoices', 'h1', {})
    await assert.rejects(fenced.putIfAbsent('invoices', 'h1', {}), (e) => isChainopsError(e, 'STORE_CONDITION_FAILED'))
    await fenced.compareAndSet('invoices', 'h1', 1, { ok: true })
    await a.renew()
  })

  it('released, it is free at once', async () => {
    const a = await take('a')
    await a.release()
    await take('b')
  })
})
