import type { Address } from 'viem'

/** The Store table of invoice records, keyed by payment hash (64 lowercase hex characters). */
export const INVOICES_TABLE = 'invoices'

/**
 * PENDING -> PAID (settle subscriber or reconciler) -> MINTED (minter, on receipt);
 * PENDING -> EXPIRED | CANCELED (sweep; such an invoice never mints).
 */
export type InvoiceState = 'PENDING' | 'PAID' | 'MINTED' | 'EXPIRED' | 'CANCELED'

/**
 * One invoice of the issuance pipeline, as stored (JSON: amounts are decimal strings). Written
 * PENDING before its BOLT 11 request is returned; every later change is a `compareAndSet` on the
 * version read. Holds no secret: the preimage stays in lnd.
 */
export type InvoiceRecord = {
  paymentHash: string
  /** The recipient on the chain, EIP-55 checksummed. */
  address: Address
  requestedSats: string
  /** Wei per sat, `Rational.toJSON()` (`"num/den"`), fixed when the invoice was created. */
  rate: string
  /** BOLT 11. */
  request: string
  memo?: string
  expiresAt: string
  createdAt: string
  state: InvoiceState
  /** What lnd received, overpayment included (PAID on). */
  receivedMsat?: string
  settleIndex?: string
  paidAt?: string
  /** floor(receivedMsat * rate / 1000) (PAID on). */
  mintWei?: string
  /**
   * The sending key that mints it (its address), assigned once when it is recorded PAID
   * (`assignSendingKey`) and kept: its mint job goes to the FIFO group `mint:<sender>` on every
   * (re)send, and only that key's minter mints it. Absent on records paid before sharding: those
   * go to the first key.
   */
  sender?: string
  mintTxHash?: string
  mintBlock?: string
  mintedAt?: string
  /** When the sweep moved it to EXPIRED or CANCELED. */
  closedAt?: string
}
