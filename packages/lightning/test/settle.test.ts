import assert from 'node:assert/strict'
import { createHash, randomBytes } from 'node:crypto'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { createLogger, type Queue, Rational, SqliteQueue, SqliteStore } from '@chainops/core'
import {
  type BakedMacaroons,
  bakeMacaroons,
  freePort,
  type LightningRegtest,
  startLightningRegtest,
  tempDir,
} from '@chainops/devnet'
import { pollUntil } from '@chainops/testkit'
import {
  type AuthenticatedLnd,
  authenticatedLndGrpc,
  cancelHodlInvoice,
  decodePaymentRequest,
  getRouteToDestination,
  pay,
  payViaPaymentDetails,
  payViaRoutes,
} from 'lightning'
import { after, before, describe, it } from 'mocha'
import { createInvoice } from '../src/invoices/createInvoice.ts'
import { INVOICES_TABLE, type InvoiceRecord } from '../src/invoices/InvoiceRecord.ts'
import { advanceSettleCursor } from '../src/settle/advanceSettleCursor.ts'
import { readSettleCursor } from '../src/settle/readSettleCursor.ts'
import { reconcileSettled } from '../src/settle/reconcileSettled.ts'
import type { SettleEvent } from '../src/settle/SettleEvent.ts'
import { startSettleSubscriber } from '../src/settle/startSettleSubscriber.ts'
import { sweepUnpaidInvoices } from '../src/settle/sweepUnpaidInvoices.ts'
import { lndPaymentRefusal } from './support/lndPaymentRefusal.ts'

const SENDER = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'
const RECIPIENT = '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359'
// 1 sat = 10^10 wei (1 BTC = 1 coin of 18 decimals).
const RATE = new Rational(10n ** 10n)

/** Every message currently in the queue, each received and deleted once. */
async function drain(queue: Queue): Promise<{ body: string; dedupId: string; groupId: string | undefined }[]> {
  const all = []
  for (;;) {
    const batch = await queue.receive({ max: 10 })
    if (batch.length === 0) return all
    for (const message of batch) {
      all.push({ body: message.body, dedupId: message.dedupId, groupId: message.groupId })
      await queue.delete(message.receiptHandle)
    }
  }
}

describe('settle pipeline on real lnd (btcd regtest, alice pays bob) @integration', function () {
  this.timeout(240_000)
  let net: LightningRegtest
  let macaroons: BakedMacaroons
  let invoiceLnd: AuthenticatedLnd
  let readLnd: AuthenticatedLnd
  let bobKey: string
  const cleanups: (() => Promise<unknown>)[] = []
  const logLines: string[] = []
  const logger = createLogger({ level: 'debug', sink: (line) => logLines.push(line) })

  const alice = () => net.nodes.alice?.lnd as AuthenticatedLnd

  before(async () => {
    net = await startLightningRegtest({ label: 'ln-settle' })
    const bob = net.nodes.bob
    assert.ok(bob)
    bobKey = bob.publicKey
    macaroons = await bakeMacaroons(bob)
    // Clients of our own: they outlive bob's restarts (the harness replaces its admin client).
    invoiceLnd = authenticatedLndGrpc({ cert: bob.cert, macaroon: macaroons.invoice.reveal(), socket: bob.socket }).lnd
    readLnd = authenticatedLndGrpc({ cert: bob.cert, macaroon: macaroons.readOnly.reveal(), socket: bob.socket }).lnd
  })
  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined)
    await net?.stop()
    // Least privilege and redaction: no macaroon (base64 or hex) in anything logged here.
    const text = logLines.join('\n')
    for (const macaroon of [macaroons?.invoice, macaroons?.readOnly, net?.nodes.bob?.macaroon]) {
      if (!macaroon) continue
      assert.equal(text.includes(macaroon.reveal()), false)
      assert.equal(text.includes(Buffer.from(macaroon.reveal(), 'base64').toString('hex')), false)
    }
  })

  async function pipeline() {
    const dir = await tempDir('ln-settle-db')
    const store = new SqliteStore({ path: join(dir, 'state.db') })
    const queue = new SqliteQueue({ path: join(dir, 'state.db'), name: 'mint' })
    const events: SettleEvent[] = []
    cleanups.push(async () => {
      await store.close()
      await queue.close()
      await rm(dir, { recursive: true, force: true })
    })
    const onEvent = (event: SettleEvent) => {
      events.push(event)
      logger.info('settle event', {
        event: JSON.parse(JSON.stringify(event, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))),
      })
    }
    return { dir, store, queue, events, onEvent }
  }

  const create = (store: SqliteStore, sats: bigint, expirySeconds?: number) =>
    createInvoice({
      lnd: invoiceLnd,
      liquidityLnd: readLnd,
      store,
      address: RECIPIENT,
      sats,
      bounds: { minSats: 1n, maxSats: 500_000n },
      rate: RATE,
      ...(expirySeconds === undefined ? {} : { expirySeconds }),
    })

  const record = async (store: SqliteStore, hash: string) =>
    (await store.get<InvoiceRecord>(INVOICES_TABLE, hash))?.value

  it('a paid invoice becomes PAID with the received msat and exactly one mint job; the cursor is its settle_index', async () => {
    const { store, queue, onEvent } = await pipeline()
    const subscriber = startSettleSubscriber({ lnd: readLnd, store, queue, nodeKey: bobKey, sender: SENDER, onEvent })
    cleanups.push(() => subscriber.stop())
    const invoice = await create(store, 2_000n)
    assert.equal((await record(store, invoice.paymentHash))?.state, 'PENDING')
    await pay({ lnd: alice(), request: invoice.request })
    const paid = await pollUntil({
      description: 'PAID',
      condition: async () => {
        const r = await record(store, invoice.paymentHash)
        return r?.state === 'PAID' ? r : undefined
      },
    })
    assert.equal(paid.receivedMsat, '2000000')
    assert.equal(paid.mintWei, '20000000000000')
    await subscriber.idle()
    assert.deepEqual(await drain(queue), [
      {
        body: JSON.stringify({ v: 1, paymentHash: invoice.paymentHash }),
        dedupId: invoice.paymentHash,
        groupId: `mint:${SENDER}`,
      },
    ])
    assert.equal(await readSettleCursor({ store, nodeKey: bobKey }), BigInt(paid.settleIndex as string))
    await subscriber.stop()
  })

  it('an overpaid invoice (1,500 sats on a 1,000 sat invoice, lnd accepts up to 2x) records and mints what was received', async () => {
    const { store, queue, onEvent } = await pipeline()
    const subscriber = startSettleSubscriber({ lnd: readLnd, store, queue, nodeKey: bobKey, sender: SENDER, onEvent })
    cleanups.push(() => subscriber.stop())
    const invoice = await create(store, 1_000n)
    // lnd refuses an amount with `pay` on a fixed-amount invoice; a route carrying more is accepted.
    const decoded = await decodePaymentRequest({ lnd: alice(), request: invoice.request })
    const { route } = await getRouteToDestination({
      lnd: alice(),
      destination: decoded.destination,
      tokens: 1_500,
      total_mtokens: '1500000',
      ...(decoded.payment === undefined ? {} : { payment: decoded.payment }),
      ...(decoded.cltv_delta === undefined ? {} : { cltv_delta: decoded.cltv_delta }),
    })
    assert.ok(route)
    await payViaRoutes({ lnd: alice(), id: invoice.paymentHash, routes: [route] })
    const paid = await pollUntil({
      description: 'PAID',
      condition: async () => {
        const r = await record(store, invoice.paymentHash)
        return r?.state === 'PAID' ? r : undefined
      },
    })
    assert.equal(paid.requestedSats, '1000')
    assert.equal(paid.receivedMsat, '1500000')
    assert.equal(paid.mintWei, '15000000000000')
    await subscriber.idle()
    assert.equal((await drain(queue)).length, 1)
    await subscriber.stop()
  })

  it('a keysend payment (a hash with no record) is ignored: nothing written or enqueued, but the cursor passes it', async () => {
    const { store, queue, onEvent, events } = await pipeline()
    const subscriber = startSettleSubscriber({ lnd: readLnd, store, queue, nodeKey: bobKey, sender: SENDER, onEvent })
    cleanups.push(() => subscriber.stop())
    await pollUntil({ description: 'subscribed', condition: async () => events.some((e) => e.type === 'subscribed') })
    const preimage = randomBytes(32)
    const id = createHash('sha256').update(preimage).digest('hex')
    await payViaPaymentDetails({
      lnd: alice(),
      destination: bobKey,
      tokens: 777,
      id,
      messages: [{ type: '5482373484', value: preimage.toString('hex') }],
    })
    const seen = await pollUntil({
      description: 'the keysend settle',
      condition: async () =>
        events.find((e) => e.type === 'settled' && e.paymentHash === id && e.via === 'subscription'),
    })
    assert.ok(seen.type === 'settled')
    assert.deepEqual(seen.result, { outcome: 'unknown' })
    await subscriber.idle()
    assert.equal(await readSettleCursor({ store, nodeKey: bobKey }), seen.settleIndex)
    assert.equal((await store.list(INVOICES_TABLE)).records.length, 0)
    assert.equal((await drain(queue)).length, 0)
    await subscriber.stop()
  })

  it('settles while the subscriber is stopped are all found when it starts again: none missed, none enqueued twice', async () => {
    const { store, queue, onEvent } = await pipeline()
    const first = startSettleSubscriber({ lnd: readLnd, store, queue, nodeKey: bobKey, sender: SENDER, onEvent })
    const warmup = await create(store, 1_100n)
    await pay({ lnd: alice(), request: warmup.request })
    await pollUntil({
      description: 'warm-up PAID',
      condition: async () => (await record(store, warmup.paymentHash))?.state === 'PAID',
    })
    await first.idle()
    await first.stop()
    const cursorAtStop = await readSettleCursor({ store, nodeKey: bobKey })

    const invoices = await Promise.all([1_201n, 1_202n, 1_203n, 1_204n, 1_205n].map((sats) => create(store, sats)))
    for (const invoice of invoices) await pay({ lnd: alice(), request: invoice.request })
    await sleep(500)
    for (const invoice of invoices) assert.equal((await record(store, invoice.paymentHash))?.state, 'PENDING')
    assert.equal(await readSettleCursor({ store, nodeKey: bobKey }), cursorAtStop)

    // Two at once on the same store: a subscriber and a stand-alone reconciler.
    const second = startSettleSubscriber({ lnd: readLnd, store, queue, nodeKey: bobKey, sender: SENDER, onEvent })
    cleanups.push(() => second.stop())
    await reconcileSettled({ lnd: readLnd, store, queue, nodeKey: bobKey, sender: SENDER, onEvent })
    for (const invoice of invoices)
      await pollUntil({
        description: 'PAID',
        condition: async () => (await record(store, invoice.paymentHash))?.state === 'PAID',
      })
    await second.idle()
    const jobs = await drain(queue)
    assert.deepEqual(
      jobs.map((job) => job.dedupId).sort(),
      [warmup, ...invoices].map((invoice) => invoice.paymentHash).sort(),
    )
    for (const invoice of invoices)
      assert.equal(
        (await record(store, invoice.paymentHash))?.receivedMsat,
        `${(await record(store, invoice.paymentHash))?.requestedSats}000`,
      )
    assert.equal(await readSettleCursor({ store, nodeKey: bobKey }), cursorAtStop + 5n)

    // Running everything again finds nothing new and sends nothing new.
    await second.stop()
    await reconcileSettled({ lnd: readLnd, store, queue, nodeKey: bobKey, sender: SENDER, onEvent })
    const third = startSettleSubscriber({ lnd: readLnd, store, queue, nodeKey: bobKey, sender: SENDER, onEvent })
    cleanups.push(() => third.stop())
    await sleep(500)
    await third.idle()
    await third.stop()
    assert.equal((await drain(queue)).length, 0)
  })

  it('a failure between the PAID write and the enqueue leaves the cursor behind; the resubscription sends the job', async () => {
    const { store, queue, onEvent, events } = await pipeline()
    let failNext = true
    const flaky: Queue = {
      ...queue,
      send: async (message) => {
        if (failNext) {
          failNext = false
          throw new Error('queue briefly unavailable')
        }
        return queue.send(message)
      },
      receive: (p) => queue.receive(p),
      delete: (h) => queue.delete(h),
      changeVisibility: (h, ms) => queue.changeVisibility(h, ms),
      deadLetter: (h, r) => queue.deadLetter(h, r),
      deadLetters: (o) => queue.deadLetters(o),
      close: () => queue.close(),
    }
    const subscriber = startSettleSubscriber({
      lnd: readLnd,
      store,
      queue: flaky,
      nodeKey: bobKey,
      sender: SENDER,
      onEvent,
      initialBackoffMs: 50,
    })
    cleanups.push(() => subscriber.stop())
    await pollUntil({ description: 'subscribed', condition: async () => events.some((e) => e.type === 'subscribed') })
    const cursorBefore = await readSettleCursor({ store, nodeKey: bobKey })
    const invoice = await create(store, 1_300n)
    await pay({ lnd: alice(), request: invoice.request })
    await pollUntil({
      description: 'the failed enqueue to be retried',
      condition: async () => events.some((e) => e.type === 'disconnected') && !failNext,
    })
    await pollUntil({
      description: 'the job',
      condition: async () => {
        const cursor = await readSettleCursor({ store, nodeKey: bobKey })
        return cursor === cursorBefore + 1n
      },
    })
    await subscriber.idle()
    assert.equal((await record(store, invoice.paymentHash))?.state, 'PAID')
    const jobs = await drain(queue)
    assert.deepEqual(
      jobs.map((job) => job.dedupId),
      [invoice.paymentHash],
    )
    await subscriber.stop()
  })

  it('an expired invoice becomes EXPIRED and enqueues nothing; a cancelled one becomes CANCELED', async () => {
    const { store, queue, onEvent } = await pipeline()
    const expiring = await create(store, 1_400n, 2)
    const cancelled = await create(store, 1_401n)
    const open = await create(store, 1_402n)
    await cancelHodlInvoice({ lnd: invoiceLnd, id: cancelled.paymentHash })
    await sleep(3_000)
    // Paying the expired invoice now fails at bob: it can never be minted.
    await assert.rejects(
      pay({ lnd: alice(), request: expiring.request }),
      (error) => lndPaymentRefusal(error) === 'expired',
    )
    const counts = await sweepUnpaidInvoices({ lnd: readLnd, store, queue, sender: SENDER, onEvent })
    assert.deepEqual(counts, { expired: 1, canceled: 1, paid: 0, pending: 1 })
    assert.equal((await record(store, expiring.paymentHash))?.state, 'EXPIRED')
    assert.equal((await record(store, cancelled.paymentHash))?.state, 'CANCELED')
    assert.equal((await record(store, open.paymentHash))?.state, 'PENDING')
    assert.equal((await drain(queue)).length, 0)
  })

  it('the sweep marks PAID (and enqueues) a PENDING invoice that lnd settled but nobody recorded', async () => {
    const { store, queue, onEvent } = await pipeline()
    const invoice = await create(store, 1_500n)
    await pay({ lnd: alice(), request: invoice.request })
    const counts = await sweepUnpaidInvoices({ lnd: readLnd, store, queue, sender: SENDER, onEvent })
    assert.deepEqual(counts, { expired: 0, canceled: 0, paid: 1, pending: 0 })
    assert.equal((await record(store, invoice.paymentHash))?.receivedMsat, '1500000')
    assert.equal((await drain(queue)).length, 1)
  })

  it('lnd unreachable: the reconciler retries, fails with LND_UNREACHABLE and leaves the cursor; the subscriber reports it and keeps trying', async () => {
    const { store, queue, onEvent, events } = await pipeline()
    await advanceSettleCursor({ store, nodeKey: bobKey, settleIndex: 3n })
    const bob = net.nodes.bob
    assert.ok(bob)
    const dead = authenticatedLndGrpc({
      cert: bob.cert,
      macaroon: macaroons.readOnly.reveal(),
      socket: `127.0.0.1:${await freePort()}`,
    }).lnd
    const error = await reconcileSettled({
      lnd: dead,
      store,
      queue,
      nodeKey: bobKey,
      sender: SENDER,
      retry: { attempts: 3, initialDelayMs: 10 },
    }).catch((e: unknown) => e)
    assert.equal((error as { code?: string }).code, 'LND_UNREACHABLE')
    assert.doesNotMatch(String((error as Error).message), new RegExp(macaroons.readOnly.reveal().slice(0, 40)))
    assert.equal(await readSettleCursor({ store, nodeKey: bobKey }), 3n)

    const subscriber = startSettleSubscriber({
      lnd: dead,
      store,
      queue,
      nodeKey: bobKey,
      sender: SENDER,
      onEvent,
      initialBackoffMs: 10,
      maxBackoffMs: 50,
      unreachableAfter: 2,
      retry: { attempts: 2, initialDelayMs: 5 },
    })
    cleanups.push(() => subscriber.stop())
    const unreachable = await pollUntil({
      description: 'lnd_unreachable',
      condition: async () => events.find((e) => e.type === 'lnd_unreachable'),
    })
    assert.ok(unreachable.type === 'lnd_unreachable')
    assert.equal(unreachable.error.code, 'LND_UNREACHABLE')
    await pollUntil({
      description: 'more attempts',
      condition: async () => events.filter((e) => e.type === 'disconnected').length >= 4,
    })
    await subscriber.stop()
    assert.equal(await readSettleCursor({ store, nodeKey: bobKey }), 3n)
    assert.equal((await drain(queue)).length, 0)
  })

  it('lnd restarted under a running subscriber: it resubscribes from its cursor and records the next payment', async () => {
    const { store, queue, onEvent, events } = await pipeline()
    const subscriber = startSettleSubscriber({
      lnd: readLnd,
      store,
      queue,
      nodeKey: bobKey,
      sender: SENDER,
      onEvent,
      initialBackoffMs: 100,
      maxBackoffMs: 1_000,
    })
    cleanups.push(() => subscriber.stop())
    await pollUntil({ description: 'subscribed', condition: async () => events.some((e) => e.type === 'subscribed') })
    const before = await create(store, 1_600n)
    await pay({ lnd: alice(), request: before.request })
    await pollUntil({
      description: 'PAID before the restart',
      condition: async () => (await record(store, before.paymentHash))?.state === 'PAID',
    })

    const bob = net.nodes.bob
    assert.ok(bob)
    const subscribedBefore = events.filter((e) => e.type === 'subscribed').length
    await bob.restart()
    await pollUntil({
      description: 'disconnected',
      condition: async () => events.some((e) => e.type === 'disconnected'),
    })
    await pollUntil({
      description: 'subscribed again',
      condition: async () => events.filter((e) => e.type === 'subscribed').length > subscribedBefore,
      timeoutMs: 60_000,
    })
    // The channel comes back a little after lnd: wait until alice can route to bob again.
    await pollUntil({
      description: 'a route to bob',
      condition: async () =>
        (await getRouteToDestination({ lnd: alice(), destination: bobKey, tokens: 1_700 })).route !== undefined,
      timeoutMs: 60_000,
    })
    const afterRestart = await create(store, 1_700n)
    await pollUntil({
      description: 'payment after restart',
      condition: async () => pay({ lnd: alice(), request: afterRestart.request }).then(() => true),
      timeoutMs: 60_000,
    })
    const paid = await pollUntil({
      description: 'PAID after the restart',
      condition: async () => {
        const r = await record(store, afterRestart.paymentHash)
        return r?.state === 'PAID' ? r : undefined
      },
    })
    assert.equal(paid.receivedMsat, '1700000')
    await subscriber.idle()
    assert.deepEqual(
      (await drain(queue)).map((job) => job.dedupId).sort(),
      [before.paymentHash, afterRestart.paymentHash].sort(),
    )
    await subscriber.stop()
  })
})
