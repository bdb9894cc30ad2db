import assert from 'node:assert/strict'
import { isChainopsError, Rational, SqliteStore } from '@chainops/core'
import type { AuthenticatedLnd } from 'lightning'
import { describe, it } from 'mocha'
import { startIssuance } from '../service/startIssuance.ts'
import { createInvoice } from './createInvoice.ts'
import { resolveMaxInvoiceExpirySeconds } from './resolveMaxInvoiceExpirySeconds.ts'

const YEAR = 365 * 24 * 3600

describe('resolveMaxInvoiceExpirySeconds', () => {
  it('defaults to 7 days and takes whole seconds up to lnd own limit of one year', () => {
    assert.equal(resolveMaxInvoiceExpirySeconds(undefined, 'ISSUANCE_CONFIG_INVALID'), 7 * 24 * 3600)
    assert.equal(resolveMaxInvoiceExpirySeconds(1, 'ISSUANCE_CONFIG_INVALID'), 1)
    assert.equal(resolveMaxInvoiceExpirySeconds(YEAR, 'ISSUANCE_CONFIG_INVALID'), YEAR)
  })

  for (const value of [0, -1, 1.5, YEAR + 1, Number.NaN, '3600'])
    it(`refuses ${String(value)} with the caller's code, naming the setting`, () => {
      assert.throws(
        () => resolveMaxInvoiceExpirySeconds(value, 'SETTLE_INVALID_PARAMETERS'),
        (error: unknown) =>
          isChainopsError(error, 'SETTLE_INVALID_PARAMETERS') && /^maxInvoiceExpirySeconds /.test(error.details ?? ''),
      )
    })

  it('createInvoice refuses an expiry above bounds.maxInvoiceExpirySeconds, and such a bound, before asking lnd', async () => {
    const store = new SqliteStore({ path: ':memory:' })
    const base = {
      lnd: {} as AuthenticatedLnd, // never reached
      store,
      address: '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
      sats: 1_000n,
      rate: new Rational(10n ** 10n),
    }
    try {
      await assert.rejects(
        createInvoice({
          ...base,
          expirySeconds: 3601,
          bounds: { minSats: 1n, maxSats: 10_000n, maxInvoiceExpirySeconds: 3600 },
        }),
        (error: unknown) =>
          isChainopsError(error, 'INVOICE_INVALID_PARAMETERS') && /maxInvoiceExpirySeconds/.test(error.details ?? ''),
      )
      await assert.rejects(
        createInvoice({ ...base, bounds: { minSats: 1n, maxSats: 10_000n, maxInvoiceExpirySeconds: YEAR + 1 } }),
        (error: unknown) =>
          isChainopsError(error, 'INVOICE_INVALID_PARAMETERS') && /^maxInvoiceExpirySeconds /.test(error.details ?? ''),
      )
    } finally {
      store.close()
    }
  })

  it('startIssuance refuses a longest expiry above lnd limit at start with ISSUANCE_CONFIG_INVALID naming it', async () => {
    await assert.rejects(
      startIssuance({
        mode: 'embedded',
        store: {} as never,
        queue: {} as never,
        lnd: { invoice: {} as never, readOnly: {} as never, nodeKey: `02${'11'.repeat(32)}` },
        chain: { rpcUrl: 'http://127.0.0.1:1', chainId: 1337 },
        signerKey: {} as never,
        rate: new Rational(1n),
        bounds: { minSats: 1n, maxSats: 10n, maxInvoiceExpirySeconds: YEAR + 1 },
        http: false,
      }),
      (error: unknown) =>
        isChainopsError(error, 'ISSUANCE_CONFIG_INVALID') && /^maxInvoiceExpirySeconds /.test(error.details ?? ''),
    )
  })
})
