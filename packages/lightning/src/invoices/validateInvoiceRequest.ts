import { addressSchema } from '@chainops/core'
import * as v from 'valibot'
import { type Address, zeroAddress } from 'viem'
import { LightningError } from '../errors/LightningError.ts'

export type InvoiceBounds = {
  /** The smallest invoice accepted, in sats (at least 1). */
  minSats: bigint
  /** The largest invoice accepted, in sats. */
  maxSats: bigint
  /**
   * The longest invoice expiry accepted, whole seconds (default 7 days, at most lnd's one year).
   * The reconciler must be given the same value: it lists only invoices created within it.
   */
  maxInvoiceExpirySeconds?: number | undefined
}

export type ValidateInvoiceRequestParameters = {
  address: unknown
  sats: unknown
  bounds: InvoiceBounds
}

export type ValidateInvoiceRequestReturnType = { address: Address; sats: bigint }

/**
 * Checks a recipient and an amount before anything is asked of lnd: the address is 20 bytes,
 * EIP-55 checksummed when mixed case (a typo is refused, not corrected) and not the zero address;
 * the amount is a whole number of sats within the bounds. Errors never echo the input.
 */
export function validateInvoiceRequest(parameters: ValidateInvoiceRequestParameters): ValidateInvoiceRequestReturnType {
  const { address, sats, bounds } = parameters
  if (
    typeof bounds.minSats !== 'bigint' ||
    typeof bounds.maxSats !== 'bigint' ||
    bounds.minSats < 1n ||
    bounds.maxSats < bounds.minSats
  )
    throw new LightningError({
      code: 'INVOICE_INVALID_PARAMETERS',
      shortMessage: 'Invalid invoice bounds',
      details: 'expected bigint minSats >= 1 and maxSats >= minSats',
    })
  const parsed = v.safeParse(addressSchema, address)
  if (!parsed.success)
    throw new LightningError({
      code: 'INVOICE_INVALID_ADDRESS',
      shortMessage: 'Invalid recipient address',
      details: 'expected a 20-byte 0x address, EIP-55 checksummed when mixed case',
    })
  if (parsed.output === zeroAddress)
    throw new LightningError({ code: 'INVOICE_ZERO_ADDRESS', shortMessage: 'The zero address cannot receive a mint' })
  if (typeof sats !== 'bigint')
    throw new LightningError({
      code: 'INVOICE_INVALID_AMOUNT',
      shortMessage: 'Invalid invoice amount',
      details: `expected a bigint number of sats, received ${typeof sats}`,
    })
  if (sats < bounds.minSats || sats > bounds.maxSats)
    throw new LightningError({
      code: 'INVOICE_AMOUNT_OUT_OF_BOUNDS',
      shortMessage: 'Invoice amount out of bounds',
      details: `expected ${bounds.minSats} to ${bounds.maxSats} sats, received ${sats}`,
    })
  return { address: parsed.output, sats }
}
