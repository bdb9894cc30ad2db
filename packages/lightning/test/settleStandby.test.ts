import assert from 'node:assert/strict'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { type Queue, Rational, SqliteQueue, SqliteStore } from '@chainops/core'
import {
  type BakedMacaroons,
  bakeMacaroons,
  type LightningRegtest,
  startLightningRegtest,
  tempDir,
} from '@chainops/devnet'
import { pollUntil } from '@chainops/testkit'
import { type AuthenticatedLnd, authenticatedLndGrpc, pay } from 'lightning'
import { after, before, describe, it } from 'mocha'
import { type CreateInvoiceReturnType, createInvoice } from '../src/invoices/createInvoice.ts'
import { INVOICES_TABLE, type InvoiceRecord } from '../src/invoices/InvoiceRecord.ts'
import { type MinterProcess, spawnMinterProcess } from '../src/minter/testProcesses/spawnMinterProcess.ts'
import { readSettleCursor } from '../src/settle/readSettleCursor.ts'
import type { SettleSubscriberProcessConfig } from '../src/settle/testProcesses/runSettleSubscriberProcess.ts'

const SENDER = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'
const RECIPIENT = '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359'
const RATE = new Rational(10n ** 10n)
const script = new URL('../src/settle/testProcesses/runSettleSubscriberProcess.ts', import.meta.url).pathname
const TTL_MS = 3000
const POLL_MS = 200
const BEFORE = 8
const DURING = 16
const AFTER = 6

/** Every message currently in the queue, each received and deleted once. */
async function drain(queue: Queue): Promise<{ body: string; dedupId: string }[]> {
  const all = []
  for (;;) {
    const batch = await queue.receive({ max: 10 })
    if (batch.length === 0) return all
    for (const message of batch) {
      all.push({ body: message.body, dedupId: message.dedupId })
      await queue.delete(message.receiptHandle)
    }
  }
}

describe('settle subscriber active/standby on real lnd: two subscriber processes on one sqlite store @integration', function () {
  this.timeout(240_000)
  let net: LightningRegtest
  let macaroons: BakedMacaroons
  let invoiceLnd: AuthenticatedLnd
  let readLnd: AuthenticatedLnd
  const processes: MinterProcess[] = []
  const cleanups: (() => Promise<unknown>)[] = []

  before(async () => {
    net = await startLightningRegtest({ label: 'ln-standby' })
    const bob = net.nodes.bob
    assert.ok(bob)
    macaroons = await bakeMacaroons(bob)
    invoiceLnd = authenticatedLndGrpc({ cert: bob.cert, macaroon: macaroons.invoice.reveal(), socket: bob.socket }).lnd
    readLnd = authenticatedLndGrpc({ cert: bob.cert, macaroon: macaroons.readOnly.reveal(), socket: bob.socket }).lnd
  })
  after(async () => {
    for (const child of processes) await child.kill().catch(() => undefined)
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined)
    await net?.stop()
  })

  /**
   * `kill`: the active one is SIGKILLed (on one host its dead pid frees the lease at once).
   * `freeze`: it is SIGSTOPped, alive but silent, so the lease must expire (as across hosts); once
   * resumed it finds the lease lost, records nothing more, and turns standby.
   */
  async function handOver(mode: 'kill' | 'freeze') {
    const bob = net.nodes.bob
    const alice = net.nodes.alice?.lnd as AuthenticatedLnd
    assert.ok(bob)
    const dir = await tempDir('ln-standby-db')
    const dbPath = join(dir, 'state.db')
    const store = new SqliteStore({ path: dbPath })
    const queue = new SqliteQueue({ path: dbPath, name: 'mint' })
    cleanups.push(async () => {
      await queue.close()
      await store.close()
      await rm(dir, { recursive: true, force: true })
    })
    const invoices: CreateInvoiceReturnType[] = []
    for (let i = 0; i < BEFORE + DURING + AFTER; i++)
      invoices.push(
        await createInvoice({
          lnd: invoiceLnd,
          liquidityLnd: readLnd,
          store,
          address: RECIPIENT,
          sats: BigInt(1_000 + i),
          bounds: { minSats: 1n, maxSats: 500_000n },
          rate: RATE,
        }),
      )
    const record = async (hash: string) => (await store.get<InvoiceRecord>(INVOICES_TABLE, hash))?.value
    const allPaid = (list: typeof invoices) =>
      pollUntil({
        description: `${list.length} invoices PAID`,
        timeoutMs: 60_000,
        condition: async () => {
          for (const invoice of list) if ((await record(invoice.paymentHash))?.state !== 'PAID') return undefined
          return true
        },
      })

    const spawnSubscriber = (holder: string) => {
      const config: SettleSubscriberProcessConfig = {
        dbPath,
        lnd: { socket: bob.socket, cert: bob.cert, nodeKey: bob.publicKey },
        sender: SENDER,
        holder,
        ttlMs: TTL_MS,
        pollIntervalMs: POLL_MS,
      }
      const child = spawnMinterProcess(config, '0x', {
        script,
        env: { CHAINOPS_READONLY_MACAROON: macaroons.readOnly.reveal() },
      })
      processes.push(child)
      return child
    }
    const a = spawnSubscriber('a')
    await a.waitFor((e) => e.event === 'subscribed')
    const b = spawnSubscriber('b')
    await b.waitFor((e) => e.event === 'started')

    // Before: a records them; b stays a standby.
    for (const invoice of invoices.slice(0, BEFORE)) await pay({ lnd: alice, request: invoice.request })
    await allPaid(invoices.slice(0, BEFORE))
    await sleep(2 * POLL_MS)
    assert.equal(
      b.events.some((e) => e.event === 'lease_acquired'),
      false,
      'the standby stays standby while the active one lives',
    )
    const cursorBeforeKill = await readSettleCursor({ store, nodeKey: bob.publicKey })
    assert.ok(cursorBeforeKill > 0n)

    // During: payments keep going while a is SIGKILLed after a few of them; after: more payments.
    let killedAt = 0
    const during = invoices.slice(BEFORE, BEFORE + DURING)
    const paying = (async () => {
      for (const [i, invoice] of during.entries()) {
        if (i === 4) {
          if (mode === 'kill')
            void a.kill().then(() => {
              killedAt = Date.now()
            })
          else {
            a.child.kill('SIGSTOP')
            killedAt = Date.now()
          }
        }
        await pay({ lnd: alice, request: invoice.request })
        await sleep(50)
      }
    })()
    const takeover = await b.waitFor((e) => e.event === 'lease_acquired', 60_000)
    await paying
    for (const invoice of invoices.slice(BEFORE + DURING)) await pay({ lnd: alice, request: invoice.request })
    await allPaid(invoices)
    assert.ok(killedAt > 0)
    const takeoverMs = (takeover.at as number) - killedAt
    // Frozen, the lease runs out at most a TTL after its last renewal; the standby sees it at its next poll.
    const limit = mode === 'kill' ? TTL_MS : TTL_MS + POLL_MS
    assert.ok(takeoverMs <= limit, `the standby took over ${takeoverMs} ms after the ${mode} (limit ${limit} ms)`)
    if (mode === 'freeze') {
      assert.ok(takeoverMs >= TTL_MS / 3, `a live holder's lease is not taken early (${takeoverMs} ms)`)
      a.child.kill('SIGCONT')
      const lost = await a.waitFor((e) => e.event === 'lease_lost')
      assert.equal(
        a.events.some((e) => e.event === 'lease_acquired' && (e.at as number) > (lost.at as number)),
        false,
        'the old holder stays standby while the new one lives',
      )
    }
    // Fencing: nothing marked PAID by the old holder once the new one holds the lease.
    assert.deepEqual(
      a.events.filter(
        (e) => e.event === 'settled' && e.outcome === 'paid' && (e.at as number) >= (takeover.at as number),
      ),
      [],
    )

    // b resumed from the persisted cursor: it never saw what a had handled before the kill.
    const subscribed = await b.waitFor((e) => e.event === 'subscribed')
    assert.ok(BigInt(subscribed.cursor as string) >= cursorBeforeKill)
    const early = new Set(invoices.slice(0, BEFORE).map((i) => i.paymentHash))
    assert.deepEqual(
      b.events.filter((e) => e.event === 'settled' && early.has(e.paymentHash as string)),
      [],
      'the standby replays nothing below the cursor',
    )

    // Exactly once: the store and the queue are the truth (every record PAID with its msat, one
    // queue message per hash, below). The processes' event lines can only say "never PAID by both":
    // a SIGKILL between the store commit and the event line loses that line, not the PAID record.
    const paidBy = new Map<string, string[]>()
    for (const [name, child] of [
      ['a', a],
      ['b', b],
    ] as const)
      for (const e of child.events)
        if (e.event === 'settled' && e.outcome === 'paid')
          paidBy.set(e.paymentHash as string, [...(paidBy.get(e.paymentHash as string) ?? []), name])
    for (const invoice of invoices) {
      assert.ok((paidBy.get(invoice.paymentHash)?.length ?? 0) <= 1, `${invoice.paymentHash} recorded PAID by both`)
      const paid = await record(invoice.paymentHash)
      assert.equal(paid?.state, 'PAID')
      assert.equal(paid?.receivedMsat, (invoice.sats * 1000n).toString())
    }
    const duringHashes = during.map((i) => i.paymentHash)
    assert.ok(
      duringHashes.some((hash) => paidBy.get(hash)?.[0] === 'b'),
      'the standby recorded payments of the hand-over',
    )
    const messages = await drain(queue)
    assert.equal(messages.length, invoices.length)
    assert.deepEqual(new Set(messages.map((m) => m.dedupId)).size, invoices.length)
    for (const invoice of invoices) assert.equal(messages.filter((m) => m.body.includes(invoice.paymentHash)).length, 1)
    const settleIndexes = await Promise.all(
      invoices.map(async (i) => BigInt((await record(i.paymentHash))?.settleIndex ?? 0)),
    )
    const last = settleIndexes.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)).at(-1)
    await pollUntil({
      description: 'the cursor at the last settle',
      condition: async () => (await readSettleCursor({ store, nodeKey: bob.publicKey })) === last || undefined,
    })
    // A graceful stop releases the lease: a survivor takes over without waiting for the TTL.
    if (mode === 'freeze') {
      const stoppedAt = Date.now()
      await b.stop()
      const again = await a.waitFor((e) => e.event === 'lease_acquired' && (e.at as number) >= stoppedAt)
      assert.ok((again.at as number) - stoppedAt < TTL_MS)
      await a.stop()
    } else await b.stop()
  }

  it('SIGKILLed while payments are in flight: the standby takes over within the TTL from the cursor; every invoice paid before, during and after is PAID and queued exactly once', async () => {
    await handOver('kill')
  })

  it('frozen (SIGSTOP) while payments are in flight: the lease expires, the standby takes over, and the old holder, resumed, records nothing and turns standby', async () => {
    await handOver('freeze')
  })
})
