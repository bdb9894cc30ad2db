import { isChainopsError, type Queue, type Store } from '@chainops/core'
import { type AuthenticatedLnd, getInvoice } from 'lightning'
import { type LndRetryOptions, withLndRetry } from '../errors/withLndRetry.ts'
import { INVOICES_TABLE, type InvoiceRecord } from '../invoices/InvoiceRecord.ts'
import { recordSettlement } from './recordSettlement.ts'
import type { SettleEvent } from './SettleEvent.ts'
import { type LndInvoiceLike, toSettledInvoice } from './toSettledInvoice.ts'

export type SweepUnpaidInvoicesParameters = {
  /** Needs `invoices:read`. */
  lnd: AuthenticatedLnd
  store: Store
  queue: Queue
  /** The sending keys' addresses (see `recordSettlement`). */
  sender: string | readonly string[]
  /**
   * An invoice lnd no longer knows is marked EXPIRED only this long after its expiry (default 10
   * minutes); one lnd knows is closed only once lnd itself cancelled it.
   */
  graceMs?: number | undefined
  onEvent?: ((event: SettleEvent) => void) | undefined
  retry?: LndRetryOptions | undefined
  now?: (() => Date) | undefined
}

export type SweepUnpaidInvoicesReturnType = { expired: number; canceled: number; paid: number; pending: number }

const PAGE_SIZE = 500
const NOT_FOUND = 5

/**
 * Closes PENDING records whose invoice can no longer be paid, so they never mint: lnd cancelled it
 * (it does so itself at expiry) -> EXPIRED if past its expiry, otherwise CANCELED. The record's own
 * clock is never enough: an invoice lnd still holds open might yet settle. A PENDING record whose
 * invoice lnd settled (a missed settle) is marked PAID and enqueued instead.
 */
export async function sweepUnpaidInvoices(
  parameters: SweepUnpaidInvoicesParameters,
): Promise<SweepUnpaidInvoicesReturnType> {
  const { lnd, store, queue, sender, graceMs = 600_000, onEvent, retry, now = () => new Date() } = parameters
  const counts = { expired: 0, canceled: 0, paid: 0, pending: 0 }
  let after: string | undefined
  do {
    const page = await store.list<InvoiceRecord>(INVOICES_TABLE, { after, limit: PAGE_SIZE })
    for (const stored of page.records) {
      const record = stored.value
      if (record.state !== 'PENDING') continue
      const invoice = await withLndRetry(
        () =>
          getInvoice({ lnd, id: record.paymentHash }).catch((error: unknown) => {
            const grpc = Array.isArray(error) ? (error[2] as { err?: { code?: unknown } } | undefined)?.err : undefined
            if (grpc?.code === NOT_FOUND) return undefined
            throw error
          }),
        { ...retry, what: 'look up an invoice' },
      )
      const settled = invoice ? toSettledInvoice(invoice as LndInvoiceLike) : undefined
      if (settled) {
        const result = await recordSettlement({ store, queue, sender, invoice: settled, now })
        onEvent?.({
          type: 'settled',
          paymentHash: settled.paymentHash,
          settleIndex: settled.settleIndex,
          result,
          via: 'sweep',
        })
        counts.paid++
        continue
      }
      const pastExpiry = now().getTime() >= Date.parse(record.expiresAt)
      const gone = invoice === undefined && now().getTime() >= Date.parse(record.expiresAt) + graceMs
      if (!(invoice?.is_canceled || gone)) {
        counts.pending++
        continue
      }
      const state = pastExpiry ? 'EXPIRED' : 'CANCELED'
      try {
        await store.compareAndSet(INVOICES_TABLE, record.paymentHash, stored.version, {
          ...record,
          state,
          closedAt: now().toISOString(),
        } satisfies InvoiceRecord)
      } catch (error) {
        // Changed meanwhile (a settle got there first): the next sweep looks again.
        if (isChainopsError(error, 'STORE_CONDITION_FAILED')) continue
        throw error
      }
      if (state === 'EXPIRED') counts.expired++
      else counts.canceled++
      onEvent?.({ type: 'swept', paymentHash: record.paymentHash, state })
    }
    after = page.next
  } while (after !== undefined)
  return counts
}
