import { ChainopsError } from '@chainops/core'

declare module '@chainops/core' {
  interface ChainopsErrorCodes {
    lightning: LightningErrorCode
  }
}

/**
 * Stable codes of `@chainops/lightning`, by prefix: INVOICE_ (creating invoices), SETTLE_ (the
 * settle subscriber and reconciler), MINT_ (the minter), LND_ (reaching lnd), API_ (the HTTP and
 * Lambda front ends), ISSUANCE_ (wiring the service together). Append new codes; never rename one (callers switch on them).
 */
export type LightningErrorCode =
  // invoices
  | 'INVOICE_INVALID_ADDRESS'
  | 'INVOICE_ZERO_ADDRESS'
  | 'INVOICE_INVALID_AMOUNT'
  | 'INVOICE_AMOUNT_OUT_OF_BOUNDS'
  | 'INVOICE_INVALID_PARAMETERS'
  | 'INVOICE_INSUFFICIENT_INBOUND'
  | 'INVOICE_RECORD_WRITE_FAILED'
  // settle subscriber / reconciler / sweep
  | 'SETTLE_INVALID_PARAMETERS'
  | 'SETTLE_INVALID_RECORD'
  | 'SETTLE_CURSOR_CONFLICT'
  | 'SETTLE_RECORD_CONFLICT'
  | 'SETTLE_LEASE_HELD'
  | 'SETTLE_LEASE_LOST'
  // lnd
  | 'LND_UNREACHABLE'
  | 'LND_REQUEST_FAILED'
  // HTTP / Lambda API
  | 'API_INVALID_BODY'
  | 'API_INVALID_HASH'
  | 'API_BODY_TOO_LARGE'
  | 'API_NOT_FOUND'
  | 'API_METHOD_NOT_ALLOWED'
  | 'API_INTERNAL'
  // minter (single writer per sending key, journal before broadcast)
  | 'MINT_INVALID_PARAMETERS'
  | 'MINT_INVALID_MESSAGE'
  | 'MINT_INVALID_RECORD'
  | 'MINT_AMOUNT_MISMATCH'
  | 'MINT_NONCE_CONFLICT'
  | 'MINT_NONCE_GAP'
  | 'MINT_REVERTED'
  | 'MINT_LEASE_HELD'
  | 'MINT_LEASE_LOST'
  | 'MINT_WATCHER_LEASE_HELD'
  | 'MINT_WATCHER_LEASE_LOST'
  | 'MINT_WATCHER_INVALID_PARAMETERS'
  | 'MINT_NOT_STARTED'
  | 'MINT_STOPPED'
  | 'MINT_TIMEOUT'
  | 'MINT_FLOAT_INVALID_PARAMETERS'
  // service wiring (startIssuance, openAwsIssuanceResources)
  | 'ISSUANCE_CONFIG_INVALID'

export type LightningErrorParameters = {
  code: LightningErrorCode
  shortMessage: string
  details?: string | undefined
  metaMessages?: readonly string[] | undefined
  cause?: unknown
}

/** An error of the issuance pipeline. Details name what failed, never a macaroon, preimage or key. */
export class LightningError extends ChainopsError<LightningErrorCode> {
  override name = 'LightningError'
  declare readonly code: LightningErrorCode
  constructor(parameters: LightningErrorParameters) {
    super(parameters)
  }
}
