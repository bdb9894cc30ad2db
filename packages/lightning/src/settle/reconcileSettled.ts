import type { Queue, Store } from '@chainops/core'
import type { AuthenticatedLnd } from 'lightning'
import { LightningError } from '../errors/LightningError.ts'
import type { LndRetryOptions } from '../errors/withLndRetry.ts'
import { resolveMaxInvoiceExpirySeconds } from '../invoices/resolveMaxInvoiceExpirySeconds.ts'
import { advanceSettleCursor } from './advanceSettleCursor.ts'
import { listSettledSince } from './listSettledSince.ts'
import { readSettleCursorState } from './readSettleCursorState.ts'
import { recordSettlement } from './recordSettlement.ts'
import type { SettledInvoice } from './SettledInvoice.ts'
import type { SettleEvent } from './SettleEvent.ts'

export type ReconcileSettledParameters = {
  /** Needs `invoices:read`. */
  lnd: AuthenticatedLnd
  store: Store
  queue: Queue
  /** The lnd node's public key: names the cursor. */
  nodeKey: string
  /** The sending keys' addresses, one or K (each PAID invoice is assigned one: its queue group `mint:<sender>`). */
  sender: string | readonly string[]
  onEvent?: ((event: SettleEvent) => void) | undefined
  /**
   * The longest expiry of the invoices to reconcile, whole seconds (createInvoice's
   * `bounds.maxInvoiceExpirySeconds`: the same value; default 7 days, at most lnd's one year).
   */
  maxInvoiceExpirySeconds?: number | undefined
  /** Whole seconds added to the window (default 3600; see DEFAULT_WINDOW_MARGIN_SECONDS). */
  windowMarginSeconds?: number | undefined
  retry?: LndRetryOptions | undefined
  now?: (() => Date) | undefined
}

export type ReconcileSettledReturnType = {
  /** The cursor when done. */
  cursor: bigint
  /** Settled invoices above the starting cursor that were handled (ours or not). */
  handled: number
  /** Invoices read from lnd (every page of every listing): the reconcile's cost. */
  fetched: number
  /** The creation date the listing started at; undefined when the whole history was read. */
  createdAfter: Date | undefined
}

/**
 * Added to the window on top of the longest expiry: the clock skew between this host and lnd (a
 * first window starts from this host's clock, later ones from lnd's settle time), whole-second
 * rounding, and lnd's expiry watcher cancelling an expired invoice a little late.
 */
const DEFAULT_WINDOW_MARGIN_SECONDS = 3600

/**
 * Finds what lnd settled since the persisted cursor and handles each in settle order exactly as
 * the subscriber does (PENDING -> PAID, enqueue, then advance the cursor), so a settle missed while
 * nothing listened is found. Idempotent, and safe beside a running subscriber.
 *
 * A hole in the settle indexes can be a settle that happened while the pages were read (lnd lists
 * by creation, so a later page may show a later settle); then the listing is read again, and what
 * is still missing below the first listing's highest index is a permanent hole (an AMP invoice
 * settled more than once keeps only its last index), which the cursor may pass.
 *
 * The window, so that the cost follows the recent traffic and not the node's history: an invoice
 * can only settle before it expires, and every settle above the cursor came after the cursor's own
 * settle (settle indexes grow with time). So an invoice still to be handled settled at or after T,
 * the cursor's settle time (lnd's clock, kept with the cursor), and was created at or after
 * T - maxInvoiceExpirySeconds. Only invoices created at or after
 * T - maxInvoiceExpirySeconds - windowMarginSeconds are listed (lnd filters by creation date).
 * - With no cursor yet, T is now (this host's clock; the margin covers the skew to lnd's): nothing
 *   was handled, and an invoice of ours that settled longer ago than the longest expiry is still
 *   found by the sweep, which asks lnd about every PENDING record.
 * - A cursor record without a settle time (written before it was kept) lists the whole history
 *   once; the first settle handled then records one.
 * - Foreign invoices (keysend, other apps, AMP) may have longer expiries and be left out: they are
 *   not ours, and the holes they leave are passed like any permanent hole.
 * - Lowering maxInvoiceExpirySeconds is safe once the invoices created under the old value expired.
 */
export async function reconcileSettled(parameters: ReconcileSettledParameters): Promise<ReconcileSettledReturnType> {
  const { lnd, store, queue, nodeKey, sender, onEvent, retry, now } = parameters
  const maxExpirySeconds = resolveMaxInvoiceExpirySeconds(
    parameters.maxInvoiceExpirySeconds,
    'SETTLE_INVALID_PARAMETERS',
  )
  const { windowMarginSeconds = DEFAULT_WINDOW_MARGIN_SECONDS } = parameters
  if (!Number.isSafeInteger(windowMarginSeconds) || windowMarginSeconds < 0)
    throw new LightningError({
      code: 'SETTLE_INVALID_PARAMETERS',
      shortMessage: 'Invalid windowMarginSeconds',
      details: `windowMarginSeconds must be whole seconds from 0, got ${windowMarginSeconds}`,
    })
  const cursorState = await readSettleCursorState({ store, nodeKey })
  const start = cursorState.settleIndex
  let since: number | undefined // T, in ms
  if (start === 0n) since = (now ?? (() => new Date()))().getTime()
  else if (cursorState.settledAt !== undefined) since = Date.parse(cursorState.settledAt)
  const createdAfter =
    since === undefined ? undefined : new Date(since - (maxExpirySeconds + windowMarginSeconds) * 1000)
  const first = await listSettledSince({ lnd, after: start, createdAfter, retry })
  let { settled } = first
  let fetched = first.fetched
  let certainUpTo = start
  if (!isContiguous(start, settled)) {
    certainUpTo = settled.at(-1)?.settleIndex ?? start
    const again = await listSettledSince({ lnd, after: start, createdAfter, retry })
    settled = again.settled
    fetched += again.fetched
  }
  let cursor = start
  let advancing = true
  for (const invoice of settled) {
    const result = await recordSettlement({ store, queue, sender, invoice, now })
    onEvent?.({
      type: 'settled',
      paymentHash: invoice.paymentHash,
      settleIndex: invoice.settleIndex,
      result,
      via: 'reconcile',
    })
    if (advancing && (invoice.settleIndex <= certainUpTo || invoice.settleIndex === cursor + 1n))
      cursor = await advanceSettleCursor({
        store,
        nodeKey,
        settleIndex: invoice.settleIndex,
        settledAt: invoice.settledAt,
      })
    else advancing = false
  }
  onEvent?.({ type: 'reconciled', cursor, found: settled.length })
  return { cursor, handled: settled.length, fetched, createdAfter }
}

function isContiguous(after: bigint, settled: readonly SettledInvoice[]): boolean {
  return settled.every((invoice, index) => invoice.settleIndex === after + BigInt(index) + 1n)
}
