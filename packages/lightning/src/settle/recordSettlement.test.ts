import assert from 'node:assert/strict'
import { Rational, SqliteQueue, SqliteStore } from '@chainops/core'
import { afterEach, beforeEach, describe, it } from 'mocha'
import { INVOICES_TABLE, type InvoiceRecord } from '../invoices/InvoiceRecord.ts'
import { recordSettlement } from './recordSettlement.ts'

const HASH = 'ab'.repeat(32)
const SENDER = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'
const pending: InvoiceRecord = {
  paymentHash: HASH,
  address: '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
  requestedSats: '1000',
  rate: new Rational(3n, 7n).toJSON(),
  request: 'lnbcrt10u1...',
  expiresAt: '2030-01-01T01:00:00.000Z',
  createdAt: '2030-01-01T00:00:00.000Z',
  state: 'PENDING',
}
const settled = { paymentHash: HASH, settleIndex: 7n, receivedMsat: 1_500_123n, settledAt: '2030-01-01T00:05:00.000Z' }

describe('recordSettlement', () => {
  let store: SqliteStore
  let queue: SqliteQueue
  beforeEach(() => {
    store = new SqliteStore({ path: ':memory:' })
    queue = new SqliteQueue({ path: ':memory:' })
  })
  afterEach(async () => {
    await store.close()
    await queue.close()
  })

  it('marks a PENDING record PAID with the received msat and floor(msat * rate / 1000) wei, then enqueues one job', async () => {
    await store.putIfAbsent(INVOICES_TABLE, HASH, pending)
    const result = await recordSettlement({ store, queue, sender: SENDER, invoice: settled })
    assert.equal(result.outcome, 'paid')
    const stored = await store.get<InvoiceRecord>(INVOICES_TABLE, HASH)
    // 1,500,123 msat * 3/7 wei per sat / 1000 = 642.91... -> 642
    assert.deepEqual(stored?.value, {
      ...pending,
      state: 'PAID',
      receivedMsat: '1500123',
      settleIndex: '7',
      paidAt: '2030-01-01T00:05:00.000Z',
      mintWei: '642',
      sender: SENDER,
    })
    assert.equal(stored?.version, 2)
    const messages = await queue.receive({ max: 10 })
    assert.equal(messages.length, 1)
    assert.equal(messages[0]?.body, JSON.stringify({ v: 1, paymentHash: HASH }))
    assert.equal(messages[0]?.dedupId, HASH)
    assert.equal(messages[0]?.groupId, `mint:${SENDER}`)
  })

  it('on a second delivery leaves the PAID record alone and its job is deduplicated by the queue', async () => {
    await store.putIfAbsent(INVOICES_TABLE, HASH, pending)
    await recordSettlement({ store, queue, sender: SENDER, invoice: settled })
    const again = await recordSettlement({
      store,
      queue,
      sender: SENDER,
      invoice: { ...settled, receivedMsat: 9_999_999n },
    })
    assert.equal(again.outcome, 'already_paid')
    assert.equal(again.outcome === 'already_paid' && again.enqueued, false)
    const stored = await store.get<InvoiceRecord>(INVOICES_TABLE, HASH)
    assert.equal(stored?.version, 2)
    assert.equal(stored?.value.receivedMsat, '1500123')
    assert.equal((await queue.receive({ max: 10 })).length, 1)
  })

  it('with K sending keys, assigns one once (kept in the record) and every re-send goes to its group, whatever the list is later', async () => {
    const senders = [SENDER, '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359', '0x0000000000000000000000000000000000000003']
    await store.putIfAbsent(INVOICES_TABLE, HASH, pending)
    const result = await recordSettlement({ store, queue, sender: senders, invoice: settled })
    assert.equal(result.outcome, 'paid')
    // 0xabababababababab % 3 = 0
    const assigned = senders[Number(0xababababababababn % 3n)]
    assert.equal(assigned, senders[0])
    assert.equal((await store.get<InvoiceRecord>(INVOICES_TABLE, HASH))?.value.sender, assigned)
    const [first] = await queue.receive({ max: 10 })
    assert.equal(first?.groupId, `mint:${assigned}`)
    await queue.delete(first?.receiptHandle as string)
    // A key added later (or the list reordered) leaves the assignment alone.
    const again = await recordSettlement({
      store,
      queue,
      sender: [...senders].reverse(),
      invoice: { ...settled },
    })
    assert.equal(again.outcome, 'already_paid')
    const stored = await store.get<InvoiceRecord>(INVOICES_TABLE, HASH)
    assert.equal(stored?.value.sender, assigned)
    assert.equal(stored?.version, 2)
  })

  it('refuses K = 0 sending keys with SETTLE_INVALID_PARAMETERS naming sender, writing nothing', async () => {
    await store.putIfAbsent(INVOICES_TABLE, HASH, pending)
    await assert.rejects(recordSettlement({ store, queue, sender: [], invoice: settled }), (error) => {
      assert.ok(error instanceof Error && 'code' in error && error.code === 'SETTLE_INVALID_PARAMETERS')
      assert.match(String((error as { details?: string }).details), /^sender: .*K = 0/)
      return true
    })
    assert.equal((await store.get<InvoiceRecord>(INVOICES_TABLE, HASH))?.value.state, 'PENDING')
  })

  it('re-sends the job of a record left PAID by a crash before its enqueue', async () => {
    await store.putIfAbsent(INVOICES_TABLE, HASH, {
      ...pending,
      state: 'PAID',
      receivedMsat: '1500123',
      mintWei: '642',
    })
    const result = await recordSettlement({ store, queue, sender: SENDER, invoice: settled })
    assert.equal(result.outcome, 'already_paid')
    assert.equal(result.outcome === 'already_paid' && result.enqueued, true)
    assert.equal((await queue.receive({ max: 10 })).length, 1)
  })

  it('ignores an unknown payment hash (keysend, another app): nothing written, nothing enqueued', async () => {
    assert.deepEqual(await recordSettlement({ store, queue, sender: SENDER, invoice: settled }), { outcome: 'unknown' })
    assert.equal((await store.list(INVOICES_TABLE)).records.length, 0)
    assert.equal((await queue.receive({ max: 10 })).length, 0)
  })

  for (const state of ['MINTED', 'EXPIRED', 'CANCELED'] as const)
    it(`leaves a ${state} record as it is and enqueues nothing`, async () => {
      await store.putIfAbsent(INVOICES_TABLE, HASH, { ...pending, state })
      const result = await recordSettlement({ store, queue, sender: SENDER, invoice: settled })
      assert.equal(result.outcome, 'closed')
      assert.equal((await store.get(INVOICES_TABLE, HASH))?.version, 1)
      assert.equal((await queue.receive({ max: 10 })).length, 0)
    })

  it('refuses a record whose rate is not a positive rational with SETTLE_INVALID_RECORD, writing nothing', async () => {
    await store.putIfAbsent(INVOICES_TABLE, HASH, { ...pending, rate: 'nonsense' })
    await assert.rejects(recordSettlement({ store, queue, sender: SENDER, invoice: settled }), {
      code: 'SETTLE_INVALID_RECORD',
    })
    assert.equal((await store.get(INVOICES_TABLE, HASH))?.version, 1)
  })
})
