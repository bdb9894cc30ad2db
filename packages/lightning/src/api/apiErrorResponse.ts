import { ChainopsError, type Logger } from '@chainops/core'
import type { ApiResponse } from './ApiRequest.ts'

const STATUS_BY_CODE: Record<string, number> = {
  API_INVALID_BODY: 400,
  API_INVALID_HASH: 400,
  INVOICE_INVALID_ADDRESS: 400,
  INVOICE_ZERO_ADDRESS: 400,
  INVOICE_INVALID_AMOUNT: 400,
  INVOICE_AMOUNT_OUT_OF_BOUNDS: 400,
  API_NOT_FOUND: 404,
  API_METHOD_NOT_ALLOWED: 405,
  API_BODY_TOO_LARGE: 413,
  INVOICE_INSUFFICIENT_INBOUND: 503,
  LND_UNREACHABLE: 503,
}

/**
 * The JSON error response for an error: `{ error: { code, message, details? } }`. Only the codes
 * above are shown as they are (their messages and details never carry input values or secrets);
 * anything else is logged and answered `500 API_INTERNAL` with no detail.
 */
export function apiErrorResponse(error: unknown, logger?: Logger | undefined): ApiResponse {
  const known = error instanceof ChainopsError ? STATUS_BY_CODE[error.code] : undefined
  if (error instanceof ChainopsError && known !== undefined) {
    const body = {
      error: { code: error.code, message: error.shortMessage, ...(error.details ? { details: error.details } : {}) },
    }
    return { status: known, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
  }
  logger?.error('invoice API request failed', { error })
  const body = { error: { code: 'API_INTERNAL', message: 'Internal error' } }
  return { status: 500, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
}
