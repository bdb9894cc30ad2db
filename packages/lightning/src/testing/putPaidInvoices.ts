import type { Rational, Store } from '@chainops/core'
import type { Address } from 'viem'
import { LightningError } from '../errors/LightningError.ts'
import { INVOICES_TABLE, type InvoiceRecord } from '../invoices/InvoiceRecord.ts'
import { mintWeiOf } from '../minter/mintWeiOf.ts'

export type PaidInvoiceFixture = {
  /** 64 lowercase hex characters. */
  paymentHash: string
  /** The recipient on the chain, EIP-55 checksummed. */
  address: Address
  /** What lnd would have received, in msat. */
  receivedMsat: bigint
}

export type PutPaidInvoicesParameters = {
  store: Store
  invoices: readonly PaidInvoiceFixture[]
  /** Wei per sat, written into each record. */
  rate: Rational
  /** Records per store transaction (default 100, DynamoDB's limit). */
  chunkSize?: number | undefined
  now?: (() => Date) | undefined
}

/**
 * PAID invoice records exactly as the settle subscriber leaves them (`mintWei` =
 * `mintWeiOf({ receivedMsat, rate })`, a placeholder BOLT 11 request), written straight into the
 * store by `putIfAbsent`: a fixture that drives the minter stage alone, without lnd (benchmarks,
 * tests). Never use it on a production store: the invoices were never paid.
 */
export async function putPaidInvoices(parameters: PutPaidInvoicesParameters): Promise<void> {
  const { store, invoices, rate, chunkSize = 100, now = () => new Date() } = parameters
  if (!Number.isSafeInteger(chunkSize) || chunkSize < 1)
    throw new LightningError({
      code: 'INVOICE_INVALID_PARAMETERS',
      shortMessage: 'Invalid fixture parameters',
      details: 'chunkSize is a positive whole number',
    })
  for (let start = 0; start < invoices.length; start += chunkSize) {
    const chunk = invoices.slice(start, start + chunkSize)
    await store.transaction(async (tx) => {
      for (const invoice of chunk) {
        const at = now()
        const record: InvoiceRecord = {
          paymentHash: invoice.paymentHash,
          address: invoice.address,
          requestedSats: (invoice.receivedMsat / 1000n).toString(),
          rate: rate.toJSON(),
          request: 'lnbcrt1fixture',
          expiresAt: new Date(at.getTime() + 3_600_000).toISOString(),
          createdAt: at.toISOString(),
          state: 'PAID',
          receivedMsat: invoice.receivedMsat.toString(),
          paidAt: at.toISOString(),
          mintWei: mintWeiOf({ receivedMsat: invoice.receivedMsat, rate }).toString(),
        }
        await tx.putIfAbsent(INVOICES_TABLE, invoice.paymentHash, record)
      }
    })
  }
}
