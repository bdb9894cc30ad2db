import * as v from 'valibot'

/**
 * `POST /invoices` body: `{ address, sats, memo?, expirySeconds? }`. `sats` is a whole number, as a JSON number
 * (safe integer) or a decimal string; unknown keys are refused. The address is only typed here:
 * `createInvoice` checks it (checksum, zero address) with its own codes.
 */
export const createInvoiceBodySchema = v.strictObject({
  address: v.string(),
  sats: v.union([
    v.pipe(v.string(), v.regex(/^[1-9][0-9]{0,15}$/, 'a whole number of sats as a decimal string')),
    v.pipe(v.number(), v.safeInteger(), v.minValue(1)),
  ]),
  memo: v.optional(v.pipe(v.string(), v.maxLength(639))),
  /** 1 s to 7 days (default 1 hour), as `createInvoice` takes it. */
  expirySeconds: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(1), v.maxValue(7 * 24 * 3600))),
})
