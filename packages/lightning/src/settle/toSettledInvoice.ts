import type { SettledInvoice } from './SettledInvoice.ts'

/** The fields of an invoice as the `lightning` package returns it (subscription or listing). */
export type LndInvoiceLike = {
  id: string
  is_confirmed: boolean
  confirmed_index?: number | undefined
  confirmed_at?: string | undefined
  received_mtokens: string
}

/** A settled invoice from the `lightning` package's shape, or undefined when it is not settled. */
export function toSettledInvoice(invoice: LndInvoiceLike): SettledInvoice | undefined {
  if (!invoice.is_confirmed || !invoice.confirmed_index) return undefined
  return {
    paymentHash: invoice.id,
    settleIndex: BigInt(invoice.confirmed_index),
    receivedMsat: BigInt(invoice.received_mtokens),
    settledAt: invoice.confirmed_at,
  }
}
