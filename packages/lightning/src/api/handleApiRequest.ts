import { parseWith } from '@chainops/core'
import { LightningError } from '../errors/LightningError.ts'
import { createInvoice } from '../invoices/createInvoice.ts'
import { getInvoiceStatus } from '../invoices/getInvoiceStatus.ts'
import type { ApiRequest, ApiResponse } from './ApiRequest.ts'
import { apiErrorResponse } from './apiErrorResponse.ts'
import { createInvoiceBodySchema } from './createInvoiceBodySchema.ts'
import type { InvoiceApiDependencies } from './InvoiceApiDependencies.ts'

const INVOICE_PATH = /^\/invoices\/([^/]+)\/?$/
const HASH = /^[0-9a-fA-F]{64}$/

function json(status: number, value: unknown): ApiResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) }
}

/**
 * The invoice API without a framework, shared by `createHttpServer` and the Lambda handler:
 * - `POST /invoices` `{ address, sats, memo? }` -> 201 `{ paymentHash, request, address, sats, expiresAt, state }`
 * - `GET /invoices/{hash}` -> 200 the invoice's public status
 * Errors are JSON `{ error: { code, message } }` with 400 (bad input), 404 (unknown route or
 * invoice), 405, 503 (lnd unreachable or short of inbound liquidity) or 500.
 */
export async function handleApiRequest(request: ApiRequest, deps: InvoiceApiDependencies): Promise<ApiResponse> {
  try {
    const method = request.method.toUpperCase()
    const path = request.path
    if (path === '/invoices' || path === '/invoices/') {
      if (method !== 'POST') throw notAllowed(method)
      const input = parseWith(createInvoiceBodySchema, parseJson(request.body), {
        code: 'API_INVALID_BODY',
        what: 'invoice request body',
      })
      const { logger: _logger, ...invoiceDeps } = deps
      const created = await createInvoice({
        ...invoiceDeps,
        address: input.address,
        sats: BigInt(input.sats),
        memo: input.memo,
        ...(input.expirySeconds === undefined ? {} : { expirySeconds: input.expirySeconds }),
      })
      return json(201, {
        paymentHash: created.paymentHash,
        request: created.request,
        address: created.address,
        sats: created.sats.toString(),
        expiresAt: created.expiresAt,
        state: 'PENDING',
      })
    }
    const match = INVOICE_PATH.exec(path)
    if (match) {
      if (method !== 'GET') throw notAllowed(method)
      const hash = match[1] ?? ''
      if (!HASH.test(hash))
        throw new LightningError({
          code: 'API_INVALID_HASH',
          shortMessage: 'Invalid payment hash',
          details: 'expected 64 hex characters',
        })
      const status = await getInvoiceStatus({ store: deps.store, paymentHash: hash.toLowerCase() })
      if (!status) throw new LightningError({ code: 'API_NOT_FOUND', shortMessage: 'No such invoice' })
      return json(200, status)
    }
    throw new LightningError({ code: 'API_NOT_FOUND', shortMessage: 'No such route' })
  } catch (error) {
    return apiErrorResponse(error, deps.logger)
  }
}

function parseJson(body: string | undefined): unknown {
  try {
    return JSON.parse(body ?? '')
  } catch {
    throw new LightningError({
      code: 'API_INVALID_BODY',
      shortMessage: 'Invalid invoice request body',
      details: 'expected a JSON object',
    })
  }
}

function notAllowed(method: string): LightningError {
  return new LightningError({
    code: 'API_METHOD_NOT_ALLOWED',
    shortMessage: 'Method not allowed',
    details: `${method.replace(/[^A-Z]/g, '').slice(0, 10)} is not accepted here`,
  })
}
