import assert from 'node:assert/strict'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { type Queue, Rational, SqliteQueue, SqliteStore } from '@chainops/core'
import { bakeMacaroons, type LightningRegtest, startLightningRegtest, tempDir } from '@chainops/devnet'
import { pollUntil } from '@chainops/testkit'
import { type AuthenticatedLnd, authenticatedLndGrpc, createInvoice as createLndInvoice, pay } from 'lightning'
import { after, before, describe, it } from 'mocha'
import { createInvoice } from '../src/invoices/createInvoice.ts'
import { INVOICES_TABLE, type InvoiceRecord } from '../src/invoices/InvoiceRecord.ts'
import { listSettledSince } from '../src/settle/listSettledSince.ts'
import { readSettleCursorState } from '../src/settle/readSettleCursorState.ts'
import { reconcileSettled } from '../src/settle/reconcileSettled.ts'
import type { SettleEvent } from '../src/settle/SettleEvent.ts'
import { startSettleSubscriber } from '../src/settle/startSettleSubscriber.ts'

const SENDER = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'
const RECIPIENT = '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359'
const RATE = new Rational(10n ** 10n)
const OLD_INVOICES = 5_000
const OLD_SETTLED = 3
// A short longest expiry and margin so that the window moves past the old invoices in seconds:
// the old ones are real lnd invoices with real creation dates (lnd cannot be given a past one).
const MAX_EXPIRY_SECONDS = 20
const MARGIN_SECONDS = 2

async function drain(queue: Queue): Promise<string[]> {
  const bodies: string[] = []
  for (;;) {
    const batch = await queue.receive({ max: 10 })
    if (batch.length === 0) return bodies
    for (const message of batch) {
      bodies.push(message.body)
      await queue.delete(message.receiptHandle)
    }
  }
}

describe('cheap reconciling on real lnd: 5,000 old invoices, a reconcile reads only the recent window @integration', function () {
  this.timeout(600_000)
  let net: LightningRegtest
  let invoiceLnd: AuthenticatedLnd
  let readLnd: AuthenticatedLnd
  let bobKey: string
  let dir: string | undefined

  before(async () => {
    net = await startLightningRegtest({ label: 'ln-window' })
    const bob = net.nodes.bob
    assert.ok(bob)
    bobKey = bob.publicKey
    const macaroons = await bakeMacaroons(bob)
    invoiceLnd = authenticatedLndGrpc({ cert: bob.cert, macaroon: macaroons.invoice.reveal(), socket: bob.socket }).lnd
    readLnd = authenticatedLndGrpc({ cert: bob.cert, macaroon: macaroons.readOnly.reveal(), socket: bob.socket }).lnd
  })
  after(async () => {
    await net?.stop()
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it('fetches the invoices created since the cursor settle time less the longest expiry, finds the settle missed while the subscriber was down, once', async () => {
    dir = await tempDir('ln-window-db')
    const store = new SqliteStore({ path: join(dir, 'state.db') })
    const queue = new SqliteQueue({ path: join(dir, 'state.db'), name: 'mint' })
    const events: SettleEvent[] = []
    const settings = { maxInvoiceExpirySeconds: MAX_EXPIRY_SECONDS, windowMarginSeconds: MARGIN_SECONDS }
    const reconcile = () =>
      reconcileSettled({ lnd: readLnd, store, queue, nodeKey: bobKey, sender: SENDER, ...settings })
    const alice = net.nodes.alice?.lnd as AuthenticatedLnd
    try {
      // History: a few settled (alice pays them at once), then thousands that only expire.
      for (let i = 0; i < OLD_SETTLED; i++) {
        const old = await createLndInvoice({ lnd: invoiceLnd, tokens: 100, expires_at: inSeconds(60) })
        await pay({ lnd: alice, request: old.request })
      }
      for (let made = OLD_SETTLED; made < OLD_INVOICES; made += 100)
        await Promise.all(
          Array.from({ length: Math.min(100, OLD_INVOICES - made) }, () =>
            createLndInvoice({ lnd: invoiceLnd, tokens: 100, expires_at: inSeconds(MAX_EXPIRY_SECONDS) }),
          ),
        )
      const historyDone = Date.now()

      // Without the window a reconcile reads every invoice lnd ever created.
      const whole = await listSettledSince({ lnd: readLnd, after: 0n })
      assert.equal(whole.fetched, OLD_INVOICES)
      assert.equal(whole.settled.length, OLD_SETTLED)

      // The first reconcile (no cursor): the window starts from now, and all of it is recent yet.
      const startup = await reconcile()
      assert.equal(startup.cursor, BigInt(OLD_SETTLED))
      assert.equal(startup.handled, OLD_SETTLED)
      assert.equal(startup.fetched, OLD_INVOICES)

      // Time passes: the old invoices are now older than the longest expiry (+ margin) before any
      // later settle.
      await sleep(Math.max(0, historyDone + (MAX_EXPIRY_SECONDS + MARGIN_SECONDS + 3) * 1000 - Date.now()))
      const create = () =>
        createInvoice({
          lnd: invoiceLnd,
          liquidityLnd: readLnd,
          store,
          address: RECIPIENT,
          sats: 1_000n,
          expirySeconds: MAX_EXPIRY_SECONDS,
          bounds: { minSats: 1n, maxSats: 500_000n, maxInvoiceExpirySeconds: MAX_EXPIRY_SECONDS },
          rate: RATE,
        })
      // An invoice above the longest expiry is refused.
      await assert.rejects(
        createInvoice({
          lnd: invoiceLnd,
          liquidityLnd: readLnd,
          store,
          address: RECIPIENT,
          sats: 1_000n,
          expirySeconds: MAX_EXPIRY_SECONDS + 1,
          bounds: { minSats: 1n, maxSats: 500_000n, maxInvoiceExpirySeconds: MAX_EXPIRY_SECONDS },
          rate: RATE,
        }),
        { code: 'INVOICE_INVALID_PARAMETERS' },
      )

      // A settle inside the window (the cursor is still at the old settles, so this one reads what
      // was created within the longest expiry before them).
      const first = await create()
      await pay({ lnd: alice, request: first.request })
      const moved = await reconcile()
      assert.equal(moved.handled, 1)
      assert.equal((await store.get<InvoiceRecord>(INVOICES_TABLE, first.paymentHash))?.value.state, 'PAID')
      const afterFirst = await readSettleCursorState({ store, nodeKey: bobKey })
      assert.equal(afterFirst.settleIndex, BigInt(OLD_SETTLED + 1))
      assert.ok(afterFirst.settledAt)

      // Settled while no subscriber ran: the next reconcile reads only the two recent invoices.
      const missed = await create()
      await pay({ lnd: alice, request: missed.request })
      const found = await reconcile()
      assert.equal(found.fetched, 2)
      assert.equal(found.handled, 1)
      assert.equal(found.cursor, BigInt(OLD_SETTLED + 2))
      assert.ok(found.createdAfter && found.createdAfter.getTime() > historyDone)
      assert.equal((await store.get<InvoiceRecord>(INVOICES_TABLE, missed.paymentHash))?.value.state, 'PAID')

      // Again, and a subscriber starting over the same cursor: nothing handled twice, one job each.
      const again = await reconcile()
      assert.deepEqual([again.fetched, again.handled], [2, 0])
      const subscriber = startSettleSubscriber({
        lnd: readLnd,
        store,
        queue,
        nodeKey: bobKey,
        sender: SENDER,
        onEvent: (event) => events.push(event),
        maxInvoiceExpirySeconds: MAX_EXPIRY_SECONDS,
      })
      await pollUntil({ description: 'subscribed', condition: async () => events.some((e) => e.type === 'subscribed') })
      await subscriber.idle()
      await subscriber.stop()
      assert.deepEqual(
        events.filter((e) => e.type === 'settled'),
        [],
      )
      assert.deepEqual(
        (await drain(queue)).sort(),
        [
          JSON.stringify({ v: 1, paymentHash: first.paymentHash }),
          JSON.stringify({ v: 1, paymentHash: missed.paymentHash }),
        ].sort(),
      )
      console.log(
        `      invoices fetched: ${whole.fetched} without the window, ${startup.fetched} at startup (all recent), ${moved.fetched} with the cursor at the old settles, ${found.fetched} once past them`,
      )
    } finally {
      await store.close()
      await queue.close()
    }
  })
})

function inSeconds(seconds: number): string {
  return new Date(Date.now() + seconds * 1000).toISOString()
}
