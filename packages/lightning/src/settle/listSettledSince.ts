import { type AuthenticatedLnd, getInvoices } from 'lightning'
import { type LndRetryOptions, withLndRetry } from '../errors/withLndRetry.ts'
import type { SettledInvoice } from './SettledInvoice.ts'
import { type LndInvoiceLike, toSettledInvoice } from './toSettledInvoice.ts'

const PAGE_SIZE = 250

export type ListSettledSinceReturnType = {
  /** Settled above `after`, in settle_index order. */
  settled: SettledInvoice[]
  /** Invoices lnd returned, settled or not: what the listing cost. */
  fetched: number
}

/**
 * Every invoice lnd settled with a settle_index above `after`, among the invoices created at or
 * after `createdAfter` (all of them when absent), in settle_index order. lnd lists by creation
 * (add index), not by settle, so every page of that range is read; an invoice can settle late,
 * but never after it expires, which is what bounds `createdAfter` (see reconcileSettled).
 * lnd (0.16 and later) filters by creation date itself (ListInvoices `creation_date_start`), so
 * invoices older than the bound never cross the wire.
 */
export async function listSettledSince(parameters: {
  lnd: AuthenticatedLnd
  after: bigint
  createdAfter?: Date | undefined
  retry?: LndRetryOptions | undefined
}): Promise<ListSettledSinceReturnType> {
  const { lnd, after, createdAfter, retry } = parameters
  // lnd's creation_date_start is whole seconds, inclusive (the package floors the date).
  const first = {
    lnd,
    limit: PAGE_SIZE,
    ...(createdAfter === undefined ? {} : { created_after: createdAfter.toISOString() }),
  }
  const settled: SettledInvoice[] = []
  let fetched = 0
  let token: string | undefined
  do {
    const page = await withLndRetry(() => getInvoices(token === undefined ? first : { lnd, token }), {
      ...retry,
      what: 'list invoices',
    })
    fetched += page.invoices.length
    for (const invoice of page.invoices) {
      const found = toSettledInvoice(invoice as LndInvoiceLike)
      if (found && found.settleIndex > after) settled.push(found)
    }
    // lnd fills a page unless it ran out of matching invoices: a short page is the last one.
    token = page.invoices.length >= PAGE_SIZE ? page.next : undefined
  } while (token !== undefined)
  settled.sort((a, b) => (a.settleIndex < b.settleIndex ? -1 : a.settleIndex > b.settleIndex ? 1 : 0))
  return { settled, fetched }
}
