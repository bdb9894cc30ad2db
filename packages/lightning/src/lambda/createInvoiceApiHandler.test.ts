import assert from 'node:assert/strict'
import { Rational, SqliteStore } from '@chainops/core'
import { apiGatewayEvent } from '@chainops/testkit'
import type { AuthenticatedLnd } from 'lightning'
import { afterEach, beforeEach, describe, it } from 'mocha'
import { INVOICES_TABLE, type InvoiceRecord } from '../invoices/InvoiceRecord.ts'
import { createInvoiceApiHandler } from './createInvoiceApiHandler.ts'

const HASH = 'ab'.repeat(32)

describe('createInvoiceApiHandler', () => {
  let store: SqliteStore
  let handler: ReturnType<typeof createInvoiceApiHandler>
  beforeEach(async () => {
    store = new SqliteStore({ path: ':memory:' })
    await store.putIfAbsent(INVOICES_TABLE, HASH, {
      paymentHash: HASH,
      address: '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
      requestedSats: '1000',
      rate: '1/1',
      request: 'lnbcrt10u1pexample',
      expiresAt: '2030-01-01T01:00:00.000Z',
      createdAt: '2030-01-01T00:00:00.000Z',
      state: 'PENDING',
    } satisfies InvoiceRecord)
    const lnd = {} as AuthenticatedLnd
    handler = createInvoiceApiHandler(
      Promise.resolve({ lnd, store, bounds: { minSats: 1n, maxSats: 10n }, rate: new Rational(1n) }),
    )
  })
  afterEach(() => store.close())

  it('answers GET /invoices/{hash} with the status as an API Gateway result', async () => {
    const result = await handler(apiGatewayEvent({ method: 'GET', rawPath: `/invoices/${HASH}` }))
    assert.equal(result.statusCode, 200)
    assert.deepEqual(result.headers, { 'content-type': 'application/json' })
    assert.equal(JSON.parse(result.body as string).state, 'PENDING')
  })

  it('strips a named stage from the path', async () => {
    const result = await handler(apiGatewayEvent({ method: 'GET', rawPath: `/prod/invoices/${HASH}`, stage: 'prod' }))
    assert.equal(result.statusCode, 200)
  })

  it('decodes a base64 body and validates it like the HTTP server (zero address -> 400)', async () => {
    const body = Buffer.from('{"address":"0x0000000000000000000000000000000000000000","sats":5}').toString('base64')
    const result = await handler(apiGatewayEvent({ method: 'POST', rawPath: '/invoices', body, isBase64Encoded: true }))
    assert.equal(result.statusCode, 400)
    assert.equal(JSON.parse(result.body as string).error.code, 'INVOICE_ZERO_ADDRESS')
  })

  it('answers a malformed body with 400 API_INVALID_BODY and an unknown route with 404', async () => {
    assert.equal(
      JSON.parse(
        (await handler(apiGatewayEvent({ method: 'POST', rawPath: '/invoices', body: 'not json' }))).body as string,
      ).error.code,
      'API_INVALID_BODY',
    )
    const missing = await handler(apiGatewayEvent({ method: 'GET', rawPath: '/nothing' }))
    assert.equal(missing.statusCode, 404)
    assert.equal(JSON.parse(missing.body as string).error.code, 'API_NOT_FOUND')
  })
})
