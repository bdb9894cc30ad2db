import { LightningError } from '../errors/LightningError.ts'

/**
 * Which of the K sending keys mints an invoice, chosen once when the invoice is recorded PAID and
 * kept in its record (`InvoiceRecord.sender`, the FIFO group `mint:<sender>`): the payment hash's
 * first 64 bits modulo K, an even spread (payment hashes are uniform) that needs no shared counter
 * and gives the same answer on every retry of the same settle. Adding a key changes the choice
 * only for invoices recorded PAID after it; each earlier one keeps the key in its record.
 */
export function assignSendingKey(parameters: { paymentHash: string; senders: readonly string[] }): string {
  const { paymentHash, senders } = parameters
  if (!/^[0-9a-f]{64}$/.test(paymentHash))
    throw new LightningError({
      code: 'SETTLE_INVALID_PARAMETERS',
      shortMessage: 'Invalid payment hash',
      details: 'a payment hash is 64 lowercase hex characters',
    })
  const index = Number(BigInt(`0x${paymentHash.slice(0, 16)}`) % BigInt(senders.length))
  return senders[index] as string
}
