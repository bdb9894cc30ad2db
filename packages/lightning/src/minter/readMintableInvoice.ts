import { Rational, type StoredRecord } from '@chainops/core'
import { type Address, getAddress, isAddress, zeroAddress } from 'viem'
import type { InvoiceRecord } from '../invoices/InvoiceRecord.ts'
import { mintWeiOf } from './mintWeiOf.ts'

/** What the minter makes of an invoice record: mint it, it is done, wait, or never. */
export type MintableInvoice =
  | { kind: 'mint'; paymentHash: string; to: Address; valueWei: bigint; version: number }
  | { kind: 'minted'; paymentHash: string; txHash: string | undefined; block: string | undefined }
  /** Not yet PAID (or not visible yet): try again later. */
  | { kind: 'wait'; paymentHash: string; reason: string }
  /** Can never be minted (expired, cancelled, malformed): dead-letter with the reason. */
  | { kind: 'refuse'; paymentHash: string; code: 'MINT_INVALID_RECORD' | 'MINT_AMOUNT_MISMATCH'; reason: string }

const DECIMAL = /^(0|[1-9][0-9]*)$/

/**
 * Reads the amount and recipient of a mint from the invoice record alone (never from the queue
 * message): `mintWei = floor(receivedMsat * rate / 1000)` recomputed with exact rationals and
 * checked against the `mintWei` the subscriber wrote, so a record edited by hand or a bug in one of
 * the two places cannot mint a wrong amount.
 */
export function readMintableInvoice(
  paymentHash: string,
  record: StoredRecord<InvoiceRecord> | undefined,
  /** The minter's sending address: a record assigned to another key (`InvoiceRecord.sender`) is left to that key's minter. */
  sender?: string | undefined,
): MintableInvoice {
  if (!record) return { kind: 'wait', paymentHash, reason: 'no invoice record for this payment hash' }
  const value = record.value
  const refuse = (reason: string, code: 'MINT_INVALID_RECORD' | 'MINT_AMOUNT_MISMATCH' = 'MINT_INVALID_RECORD') =>
    ({ kind: 'refuse', paymentHash, code, reason }) as const
  if (typeof value !== 'object' || value === null) return refuse('the invoice record is not an object')
  if (value.paymentHash !== paymentHash) return refuse('the invoice record names another payment hash')
  switch (value.state) {
    case 'MINTED':
      return { kind: 'minted', paymentHash, txHash: value.mintTxHash, block: value.mintBlock }
    case 'PENDING':
      return { kind: 'wait', paymentHash, reason: 'the invoice is not PAID yet' }
    case 'EXPIRED':
    case 'CANCELED':
      return refuse(`the invoice is ${value.state} and never mints`)
    case 'PAID':
      break
    default:
      return refuse(`unknown invoice state ${JSON.stringify(value.state)}`)
  }
  // Exactly the EIP-55 form createInvoice stores: an all-lower-case address carries no checksum.
  if (
    typeof value.address !== 'string' ||
    !isAddress(value.address, { strict: false }) ||
    getAddress(value.address) !== value.address
  )
    return refuse('the invoice address is not a checksummed address')
  const to = value.address
  if (to === zeroAddress) return refuse('the invoice address is the zero address')
  if (typeof value.receivedMsat !== 'string' || !DECIMAL.test(value.receivedMsat))
    return refuse('receivedMsat is not a decimal string')
  let rate: Rational
  try {
    rate = Rational.fromString(value.rate)
  } catch {
    return refuse('rate is not a rational "num/den"')
  }
  if (rate.numerator <= 0n) return refuse('rate is not positive')
  const valueWei = mintWeiOf({ receivedMsat: BigInt(value.receivedMsat), rate })
  if (value.mintWei !== undefined) {
    if (typeof value.mintWei !== 'string' || !DECIMAL.test(value.mintWei))
      return refuse('mintWei is not a decimal string')
    if (BigInt(value.mintWei) !== valueWei)
      return refuse(
        `mintWei ${value.mintWei} differs from floor(receivedMsat * rate / 1000) = ${valueWei}`,
        'MINT_AMOUNT_MISMATCH',
      )
  }
  if (valueWei === 0n) return refuse('the payment converts to 0 wei')
  if (sender !== undefined && value.sender !== undefined && value.sender.toLowerCase() !== sender.toLowerCase())
    return { kind: 'wait', paymentHash, reason: `the invoice is assigned to sending key ${value.sender}` }
  return { kind: 'mint', paymentHash, to, valueWei, version: record.version }
}
