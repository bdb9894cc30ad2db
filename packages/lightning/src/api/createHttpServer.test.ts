import assert from 'node:assert/strict'
import type { AddressInfo } from 'node:net'
import { Rational, SqliteStore } from '@chainops/core'
import type { AuthenticatedLnd } from 'lightning'
import { afterEach, beforeEach, describe, it } from 'mocha'
import { createHttpServer } from './createHttpServer.ts'

describe('createHttpServer', () => {
  let store: SqliteStore
  let server: ReturnType<typeof createHttpServer>
  let base: string
  beforeEach(async () => {
    store = new SqliteStore({ path: ':memory:' })
    server = createHttpServer(
      { lnd: {} as AuthenticatedLnd, store, bounds: { minSats: 1n, maxSats: 10n }, rate: new Rational(1n) },
      { maxBodyBytes: 64 },
    )
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve))
    await store.close()
  })

  it('serves the routes of handleApiRequest over HTTP, ignoring the query string', async () => {
    const response = await fetch(`${base}/invoices/${'ab'.repeat(32)}?x=1`)
    assert.equal(response.status, 404)
    assert.equal(response.headers.get('content-type'), 'application/json')
    assert.deepEqual(await response.json(), { error: { code: 'API_NOT_FOUND', message: 'No such invoice' } })
    const bad = await fetch(`${base}/invoices`, { method: 'POST', body: '{' })
    assert.equal(bad.status, 400)
    assert.equal(((await bad.json()) as { error: { code: string } }).error.code, 'API_INVALID_BODY')
  })

  it('answers a body above the limit with 413 API_BODY_TOO_LARGE', async () => {
    const response = await fetch(`${base}/invoices`, { method: 'POST', body: 'x'.repeat(65) })
    assert.equal(response.status, 413)
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'API_BODY_TOO_LARGE')
  })
})
