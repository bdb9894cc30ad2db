import type { Rational, Store } from '@chainops/core'
import { type AuthenticatedLnd, cancelHodlInvoice, createInvoice as createLndInvoice } from 'lightning'
import type { Address } from 'viem'
import { LightningError } from '../errors/LightningError.ts'
import { type LndRetryOptions, withLndRetry } from '../errors/withLndRetry.ts'
import { getLiquidity } from '../liquidity/getLiquidity.ts'
import { INVOICES_TABLE, type InvoiceRecord } from './InvoiceRecord.ts'
import { resolveMaxInvoiceExpirySeconds } from './resolveMaxInvoiceExpirySeconds.ts'
import { type InvoiceBounds, validateInvoiceRequest } from './validateInvoiceRequest.ts'

export type CreateInvoiceParameters = {
  /** Creates the invoice: `invoices:write` and `invoices:read` are enough (the invoice macaroon). */
  lnd: AuthenticatedLnd
  /** Reads channel balances for the inbound check (`offchain:read`); default `lnd`. */
  liquidityLnd?: AuthenticatedLnd | undefined
  store: Store
  /** The recipient on the chain (checked here: the caller may pass raw input). */
  address: unknown
  /** The amount, a bigint number of sats (checked here). */
  sats: unknown
  /** Up to 639 characters, shown to the payer. */
  memo?: string | undefined
  /** 1 s to `bounds.maxInvoiceExpirySeconds` (7 days unless set); default 1 hour, or that maximum when shorter. */
  expirySeconds?: number | undefined
  bounds: InvoiceBounds
  /** Wei per sat, fixed in the record when the invoice is created. */
  rate: Rational
  /**
   * Part of the inbound liquidity kept back, in parts per million (default 10,000 = 1%): balances
   * move while the invoice waits, and routing nodes round.
   */
  liquidityMarginPpm?: number | undefined
  retry?: LndRetryOptions | undefined
  now?: (() => Date) | undefined
}

export type CreateInvoiceReturnType = {
  paymentHash: string
  /** BOLT 11: what the payer pays. */
  request: string
  address: Address
  sats: bigint
  expiresAt: string
}

const MIN_EXPIRY_SECONDS = 1
const DEFAULT_EXPIRY_SECONDS = 3600
const MAX_MEMO_LENGTH = 639

/**
 * Creates a Lightning invoice for minting to `address`. Checks the address and amount, refuses an
 * amount above the node's inbound liquidity less a margin (`INVOICE_INSUFFICIENT_INBOUND`), asks lnd
 * for the invoice, and writes the PENDING record before returning the request: a request is never
 * handed out without its record. If the record cannot be written the invoice is cancelled in lnd
 * (best effort) and the error is thrown.
 */
export async function createInvoice(parameters: CreateInvoiceParameters): Promise<CreateInvoiceReturnType> {
  const { lnd, liquidityLnd = lnd, store, memo, rate, retry } = parameters
  const { liquidityMarginPpm = 10_000, now = () => new Date() } = parameters
  const { address, sats } = validateInvoiceRequest(parameters)
  const maxExpirySeconds = resolveMaxInvoiceExpirySeconds(
    parameters.bounds.maxInvoiceExpirySeconds,
    'INVOICE_INVALID_PARAMETERS',
  )
  const expirySeconds = parameters.expirySeconds ?? Math.min(DEFAULT_EXPIRY_SECONDS, maxExpirySeconds)
  if (!Number.isSafeInteger(expirySeconds) || expirySeconds < MIN_EXPIRY_SECONDS || expirySeconds > maxExpirySeconds)
    throw new LightningError({
      code: 'INVOICE_INVALID_PARAMETERS',
      shortMessage: 'Invalid invoice expiry',
      details: `expected whole seconds from ${MIN_EXPIRY_SECONDS} to ${maxExpirySeconds} (maxInvoiceExpirySeconds)`,
    })
  if (memo !== undefined && (typeof memo !== 'string' || memo.length > MAX_MEMO_LENGTH))
    throw new LightningError({
      code: 'INVOICE_INVALID_PARAMETERS',
      shortMessage: 'Invalid invoice memo',
      details: `expected a string of at most ${MAX_MEMO_LENGTH} characters`,
    })
  if (!Number.isSafeInteger(liquidityMarginPpm) || liquidityMarginPpm < 0 || liquidityMarginPpm >= 1_000_000)
    throw new LightningError({
      code: 'INVOICE_INVALID_PARAMETERS',
      shortMessage: 'Invalid liquidity margin',
      details: 'expected whole parts per million from 0 to 999,999',
    })
  if (rate.numerator <= 0n)
    throw new LightningError({
      code: 'INVOICE_INVALID_PARAMETERS',
      shortMessage: 'Invalid rate',
      details: 'expected a positive number of wei per sat',
    })

  const { inboundSats } = await getLiquidity({ lnd: liquidityLnd, retry })
  const receivableSats = (inboundSats * BigInt(1_000_000 - liquidityMarginPpm)) / 1_000_000n
  if (sats > receivableSats)
    throw new LightningError({
      code: 'INVOICE_INSUFFICIENT_INBOUND',
      shortMessage: 'The node cannot receive this amount now',
      details: `${sats} sats requested, ${receivableSats} sats receivable (inbound ${inboundSats} sats less a ${liquidityMarginPpm} ppm margin)`,
    })

  const createdAt = now()
  const expiresAt = new Date(createdAt.getTime() + expirySeconds * 1000).toISOString()
  const invoice = await withLndRetry(
    () =>
      createLndInvoice({
        lnd,
        tokens: Number(sats),
        expires_at: expiresAt,
        ...(memo === undefined ? {} : { description: memo }),
      }),
    { ...retry, what: 'create the invoice' },
  )
  const record: InvoiceRecord = {
    paymentHash: invoice.id,
    address,
    requestedSats: sats.toString(),
    rate: rate.toJSON(),
    request: invoice.request,
    ...(memo === undefined ? {} : { memo }),
    expiresAt,
    createdAt: createdAt.toISOString(),
    state: 'PENDING',
  }
  try {
    await store.putIfAbsent(INVOICES_TABLE, invoice.id, record)
  } catch (error) {
    // Nobody has the request yet: cancelling makes sure it can never be paid without a record.
    await cancelHodlInvoice({ lnd, id: invoice.id }).catch(() => undefined)
    throw new LightningError({
      code: 'INVOICE_RECORD_WRITE_FAILED',
      shortMessage: 'The invoice record could not be written; the invoice was cancelled',
      details: `payment hash ${invoice.id}`,
      cause: error,
    })
  }
  return { paymentHash: invoice.id, request: invoice.request, address, sats, expiresAt }
}
