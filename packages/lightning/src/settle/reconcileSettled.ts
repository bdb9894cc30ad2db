import type { Queue, Store } from '@chainops/core'
import type { AuthenticatedLnd } from 'lightning'
import type { LndRetryOptions } from '../errors/withLndRetry.ts'
import { advanceSettleCursor } from './advanceSettleCursor.ts'
import { listSettledSince } from './listSettledSince.ts'
import { readSettleCursor } from './readSettleCursor.ts'
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
  /** The minter's sending address (the queue group). */
  sender: string
  onEvent?: ((event: SettleEvent) => void) | undefined
  retry?: LndRetryOptions | undefined
  now?: (() => Date) | undefined
}

export type ReconcileSettledReturnType = {
  /** The cursor when done. */
  cursor: bigint
  /** Settled invoices above the starting cursor that were handled (ours or not). */
  handled: number
}

/**
 * Finds what lnd settled since the persisted cursor and handles each in settle order exactly as
 * the subscriber does (PENDING -> PAID, enqueue, then advance the cursor), so a settle missed while
 * nothing listened is found. Idempotent, and safe beside a running subscriber.
 *
 * A hole in the settle indexes can be a settle that happened while the pages were read (lnd lists
 * by creation, so a later page may show a later settle); then the listing is read again, and what
 * is still missing below the first listing's highest index is a permanent hole (an AMP invoice
 * settled more than once keeps only its last index), which the cursor may pass.
 */
export async function reconcileSettled(parameters: ReconcileSettledParameters): Promise<ReconcileSettledReturnType> {
  const { lnd, store, queue, nodeKey, sender, onEvent, retry, now } = parameters
  const start = await readSettleCursor({ store, nodeKey })
  let settled = await listSettledSince({ lnd, after: start, retry })
  let certainUpTo = start
  if (!isContiguous(start, settled)) {
    certainUpTo = settled.at(-1)?.settleIndex ?? start
    settled = await listSettledSince({ lnd, after: start, retry })
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
      cursor = await advanceSettleCursor({ store, nodeKey, settleIndex: invoice.settleIndex })
    else advancing = false
  }
  onEvent?.({ type: 'reconciled', cursor, found: settled.length })
  return { cursor, handled: settled.length }
}

function isContiguous(after: bigint, settled: readonly SettledInvoice[]): boolean {
  return settled.every((invoice, index) => invoice.settleIndex === after + BigInt(index) + 1n)
}
