import assert from 'node:assert/strict'
import { Rational, SqliteStore } from '@chainops/core'
import type { AuthenticatedLnd } from 'lightning'
import { afterEach, beforeEach, describe, it } from 'mocha'
import { INVOICES_TABLE, type InvoiceRecord } from '../invoices/InvoiceRecord.ts'
import { handleApiRequest } from './handleApiRequest.ts'
import type { InvoiceApiDependencies } from './InvoiceApiDependencies.ts'

const HASH = 'ab'.repeat(32)
const record: InvoiceRecord = {
  paymentHash: HASH,
  address: '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
  requestedSats: '1000',
  rate: '10000000000/1',
  request: 'lnbcrt10u1pexample',
  expiresAt: '2030-01-01T01:00:00.000Z',
  createdAt: '2030-01-01T00:00:00.000Z',
  state: 'PAID',
  receivedMsat: '1000000',
  settleIndex: '1',
  paidAt: '2030-01-01T00:01:00.000Z',
  mintWei: '10000000000000',
}

describe('handleApiRequest', () => {
  let store: SqliteStore
  let deps: InvoiceApiDependencies
  beforeEach(() => {
    store = new SqliteStore({ path: ':memory:' })
    // Never reached: every case here fails before lnd is asked anything.
    const lnd = new Proxy({}, { get: () => assert.fail('lnd must not be called') }) as unknown as AuthenticatedLnd
    deps = { lnd, store, bounds: { minSats: 100n, maxSats: 100_000n }, rate: new Rational(10n ** 10n) }
  })
  afterEach(() => store.close())

  it('GET /invoices/{hash} answers the status without the rate, memo or any secret', async () => {
    await store.putIfAbsent(INVOICES_TABLE, HASH, record)
    const response = await handleApiRequest({ method: 'GET', path: `/invoices/${HASH.toUpperCase()}` }, deps)
    assert.equal(response.status, 200)
    assert.equal(response.headers['content-type'], 'application/json')
    assert.deepEqual(JSON.parse(response.body), {
      paymentHash: HASH,
      state: 'PAID',
      address: '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
      requestedSats: '1000',
      request: 'lnbcrt10u1pexample',
      expiresAt: '2030-01-01T01:00:00.000Z',
      createdAt: '2030-01-01T00:00:00.000Z',
      receivedMsat: '1000000',
      paidAt: '2030-01-01T00:01:00.000Z',
      mintWei: '10000000000000',
    })
  })

  const cases: [string, { method: string; path: string; body?: string }, number, string][] = [
    ['an unknown invoice', { method: 'GET', path: `/invoices/${'cd'.repeat(32)}` }, 404, 'API_NOT_FOUND'],
    ['a hash that is not 64 hex characters', { method: 'GET', path: '/invoices/xyz' }, 400, 'API_INVALID_HASH'],
    ['an unknown route', { method: 'GET', path: '/admin' }, 404, 'API_NOT_FOUND'],
    ['GET on /invoices', { method: 'GET', path: '/invoices' }, 405, 'API_METHOD_NOT_ALLOWED'],
    ['DELETE on an invoice', { method: 'DELETE', path: `/invoices/${HASH}` }, 405, 'API_METHOD_NOT_ALLOWED'],
    ['a body that is not JSON', { method: 'POST', path: '/invoices', body: '{"address":' }, 400, 'API_INVALID_BODY'],
    ['an empty body', { method: 'POST', path: '/invoices' }, 400, 'API_INVALID_BODY'],
    ['a JSON array', { method: 'POST', path: '/invoices', body: '[]' }, 400, 'API_INVALID_BODY'],
    ['a missing address', { method: 'POST', path: '/invoices', body: '{"sats":1000}' }, 400, 'API_INVALID_BODY'],
    [
      'sats as a float',
      {
        method: 'POST',
        path: '/invoices',
        body: '{"address":"0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359","sats":10.5}',
      },
      400,
      'API_INVALID_BODY',
    ],
    [
      'sats as a negative string',
      {
        method: 'POST',
        path: '/invoices',
        body: '{"address":"0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359","sats":"-5"}',
      },
      400,
      'API_INVALID_BODY',
    ],
    [
      'an unknown key',
      {
        method: 'POST',
        path: '/invoices',
        body: '{"address":"0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359","sats":1000,"rate":"1"}',
      },
      400,
      'API_INVALID_BODY',
    ],
    [
      'a memo of 640 characters',
      {
        method: 'POST',
        path: '/invoices',
        body: JSON.stringify({
          address: '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
          sats: 1000,
          memo: 'm'.repeat(640),
        }),
      },
      400,
      'API_INVALID_BODY',
    ],
    [
      'a bad checksum',
      {
        method: 'POST',
        path: '/invoices',
        body: '{"address":"0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d35A","sats":1000}',
      },
      400,
      'INVOICE_INVALID_ADDRESS',
    ],
    [
      'the zero address',
      {
        method: 'POST',
        path: '/invoices',
        body: '{"address":"0x0000000000000000000000000000000000000000","sats":1000}',
      },
      400,
      'INVOICE_ZERO_ADDRESS',
    ],
    [
      'an amount below the bounds',
      { method: 'POST', path: '/invoices', body: '{"address":"0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359","sats":99}' },
      400,
      'INVOICE_AMOUNT_OUT_OF_BOUNDS',
    ],
    [
      'an amount above the bounds',
      {
        method: 'POST',
        path: '/invoices',
        body: '{"address":"0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359","sats":"100001"}',
      },
      400,
      'INVOICE_AMOUNT_OUT_OF_BOUNDS',
    ],
  ]
  for (const [name, request, status, code] of cases)
    it(`answers ${name} with ${status} ${code}`, async () => {
      const response = await handleApiRequest(request, deps)
      assert.equal(response.status, status)
      assert.equal(JSON.parse(response.body).error.code, code)
    })

  it('says where a malformed body is wrong without echoing its values', async () => {
    const response = await handleApiRequest(
      { method: 'POST', path: '/invoices', body: '{"address":"secret-looking-value","sats":true}' },
      deps,
    )
    assert.equal(response.status, 400)
    assert.deepEqual(JSON.parse(response.body), {
      error: {
        code: 'API_INVALID_BODY',
        message: 'Invalid invoice request body',
        details: 'sats: expected (string | number), received boolean',
      },
    })
  })

  it('answers an unexpected failure with 500 API_INTERNAL, logging it and showing nothing of it', async () => {
    const lines: string[] = []
    const { createLogger } = await import('@chainops/core')
    const failing = {
      ...deps,
      store: {
        get: async () => {
          throw new Error('disk on fire at /var/secret')
        },
      } as never,
      logger: createLogger({ sink: (l) => lines.push(l) }),
    }
    const response = await handleApiRequest({ method: 'GET', path: `/invoices/${HASH}` }, failing)
    assert.equal(response.status, 500)
    assert.deepEqual(JSON.parse(response.body), { error: { code: 'API_INTERNAL', message: 'Internal error' } })
    assert.equal(lines.length, 1)
    assert.match(lines[0] as string, /invoice API request failed/)
  })
})
