import { LightningError, type LightningErrorCode } from '../errors/LightningError.ts'

/** What createInvoice has always allowed: 7 days. */
const DEFAULT_MAX_INVOICE_EXPIRY_SECONDS = 7 * 24 * 3600
/**
 * lnd's own limit: AddInvoice refuses an expiry above one year (`maxExpiry := time.Hour * 24 * 365`
 * in lnrpc/invoicesrpc/addinvoice.go, lnd 0.15 through 0.21).
 */
const LND_MAX_INVOICE_EXPIRY_SECONDS = 365 * 24 * 3600

/**
 * The `maxInvoiceExpirySeconds` setting checked, the default (7 days) when absent: the longest
 * expiry createInvoice accepts, and so how far back before its window the reconciler lists
 * invoices. Whole seconds from 1 to lnd's own limit of one year; anything else is a LightningError
 * of the caller's `code` naming the setting.
 */
export function resolveMaxInvoiceExpirySeconds(
  value: unknown,
  code: Extract<
    LightningErrorCode,
    'INVOICE_INVALID_PARAMETERS' | 'SETTLE_INVALID_PARAMETERS' | 'ISSUANCE_CONFIG_INVALID'
  >,
): number {
  if (value === undefined) return DEFAULT_MAX_INVOICE_EXPIRY_SECONDS
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1 || value > LND_MAX_INVOICE_EXPIRY_SECONDS)
    throw new LightningError({
      code,
      shortMessage: 'Invalid maxInvoiceExpirySeconds',
      details: `maxInvoiceExpirySeconds must be whole seconds from 1 to ${LND_MAX_INVOICE_EXPIRY_SECONDS} (lnd refuses an invoice expiry above one year), got ${typeof value === 'number' ? value : typeof value}`,
    })
  return value
}
