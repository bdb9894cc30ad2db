import assert from 'node:assert/strict'
import { describe, it } from 'mocha'
import { LightningError } from './LightningError.ts'
import { withLndRetry } from './withLndRetry.ts'

const unavailable = [
  503,
  'UnexpectedGetChannelsError',
  { err: { code: 14, details: 'Connection dropped', metadata: { macaroon: 'SECRETMAC' } } },
]

describe('withLndRetry', () => {
  it('retries while lnd is unavailable and returns the first success', async () => {
    let calls = 0
    const result = await withLndRetry(
      async () => {
        calls++
        if (calls < 3) throw unavailable
        return 'ok'
      },
      { what: 'list channels', initialDelayMs: 1 },
    )
    assert.equal(result, 'ok')
    assert.equal(calls, 3)
  })

  it('gives up after the attempts with LND_UNREACHABLE, waiting with growing delays', async () => {
    const times: number[] = []
    const error = await withLndRetry(
      async () => {
        times.push(Date.now())
        throw unavailable
      },
      { what: 'list channels', attempts: 4, initialDelayMs: 20, maxDelayMs: 40 },
    ).catch((e: unknown) => e)
    assert.ok(error instanceof LightningError)
    assert.equal(error.code, 'LND_UNREACHABLE')
    assert.equal(error.shortMessage, 'lnd is unreachable: could not list channels after 4 attempts')
    assert.equal(error.details, '503 UnexpectedGetChannelsError (grpc 14): Connection dropped')
    assert.equal(times.length, 4)
    const gaps = times.slice(1).map((t, i) => t - (times[i] as number))
    assert.ok((gaps[0] as number) >= 19 && (gaps[1] as number) >= 39 && (gaps[2] as number) >= 39, `gaps ${gaps}`)
    assert.doesNotMatch(JSON.stringify(error) + error.message, /SECRETMAC/)
  })

  it('does not retry a refused request: LND_REQUEST_FAILED at once', async () => {
    let calls = 0
    const error = await withLndRetry(
      async () => {
        calls++
        throw [503, 'AddInvoiceError', { err: { code: 2, details: 'permission denied' } }]
      },
      { what: 'create the invoice', initialDelayMs: 1 },
    ).catch((e: unknown) => e)
    assert.equal(calls, 1)
    assert.ok(error instanceof LightningError)
    assert.equal(error.code, 'LND_REQUEST_FAILED')
    assert.equal(error.details, '503 AddInvoiceError (grpc 2): permission denied')
  })
})
