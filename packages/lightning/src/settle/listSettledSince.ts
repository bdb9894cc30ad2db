import { type AuthenticatedLnd, getInvoices } from 'lightning'
import { type LndRetryOptions, withLndRetry } from '../errors/withLndRetry.ts'
import type { SettledInvoice } from './SettledInvoice.ts'
import { type LndInvoiceLike, toSettledInvoice } from './toSettledInvoice.ts'

const PAGE_SIZE = 250

/**
 * Every invoice lnd settled with a settle_index above `after`, in settle_index order. lnd lists by
 * creation (add index), not by settle, so every page is read; an old invoice can settle late.
 */
export async function listSettledSince(parameters: {
  lnd: AuthenticatedLnd
  after: bigint
  retry?: LndRetryOptions | undefined
}): Promise<SettledInvoice[]> {
  const { lnd, after, retry } = parameters
  const settled: SettledInvoice[] = []
  let token: string | undefined
  do {
    const page = await withLndRetry(
      () => getInvoices(token === undefined ? { lnd, limit: PAGE_SIZE } : { lnd, token }),
      { ...retry, what: 'list invoices' },
    )
    for (const invoice of page.invoices) {
      const found = toSettledInvoice(invoice as LndInvoiceLike)
      if (found && found.settleIndex > after) settled.push(found)
    }
    token = page.invoices.length > 0 ? page.next : undefined
  } while (token !== undefined)
  return settled.sort((a, b) => (a.settleIndex < b.settleIndex ? -1 : a.settleIndex > b.settleIndex ? 1 : 0))
}
