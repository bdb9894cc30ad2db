import type { Store } from '@chainops/core'
import { INVOICES_TABLE, type InvoiceRecord, type InvoiceState } from './InvoiceRecord.ts'

/** What anyone holding a payment hash may see of an invoice (no secret is ever stored anyway). */
export type InvoiceStatus = {
  paymentHash: string
  state: InvoiceState
  address: string
  requestedSats: string
  request: string
  expiresAt: string
  createdAt: string
  receivedMsat?: string
  paidAt?: string
  mintWei?: string
  mintTxHash?: string
  mintBlock?: string
  mintedAt?: string
}

/** The public status of an invoice by payment hash (lowercase hex), or undefined when unknown. */
export async function getInvoiceStatus(parameters: {
  store: Store
  paymentHash: string
}): Promise<InvoiceStatus | undefined> {
  const stored = await parameters.store.get<InvoiceRecord>(INVOICES_TABLE, parameters.paymentHash)
  if (!stored) return undefined
  const r = stored.value
  const optional = {
    receivedMsat: r.receivedMsat,
    paidAt: r.paidAt,
    mintWei: r.mintWei,
    mintTxHash: r.mintTxHash,
    mintBlock: r.mintBlock,
    mintedAt: r.mintedAt,
  }
  const status: InvoiceStatus = {
    paymentHash: r.paymentHash,
    state: r.state,
    address: r.address,
    requestedSats: r.requestedSats,
    request: r.request,
    expiresAt: r.expiresAt,
    createdAt: r.createdAt,
  }
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) Object.assign(status, { [key]: value })
  return status
}
