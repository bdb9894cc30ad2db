import assert from 'node:assert/strict'
import { isChainopsError, Rational, SqliteStore } from '@chainops/core'
import { afterEach, beforeEach, describe, it } from 'mocha'
import { getAddress } from 'viem'
import { INVOICES_TABLE, type InvoiceRecord } from '../invoices/InvoiceRecord.ts'
import { readMintableInvoice } from '../minter/readMintableInvoice.ts'
import { putPaidInvoices } from './putPaidInvoices.ts'

const address = getAddress('0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359')
const at = new Date('2030-01-01T00:00:00.000Z')

describe('putPaidInvoices', () => {
  let store: SqliteStore
  beforeEach(() => {
    store = new SqliteStore({ path: ':memory:' })
  })
  afterEach(() => store.close())

  it('writes PAID records the minter mints as they are: floor(receivedMsat * rate / 1000) wei to the address', async () => {
    const invoices = ['aa', 'bb', 'cc'].map((byte, index) => ({
      paymentHash: byte.repeat(32),
      address,
      receivedMsat: 1_000_500n + BigInt(index),
    }))
    await putPaidInvoices({ store, invoices, rate: new Rational(3n, 2n), chunkSize: 2, now: () => at })
    const stored = await store.get<InvoiceRecord>(INVOICES_TABLE, 'aa'.repeat(32))
    assert.deepEqual(stored?.value, {
      paymentHash: 'aa'.repeat(32),
      address,
      requestedSats: '1000',
      rate: '3/2',
      request: 'lnbcrt1fixture',
      expiresAt: '2030-01-01T01:00:00.000Z',
      createdAt: '2030-01-01T00:00:00.000Z',
      state: 'PAID',
      receivedMsat: '1000500',
      paidAt: '2030-01-01T00:00:00.000Z',
      mintWei: '1500',
    })
    for (const invoice of invoices) {
      const mintable = readMintableInvoice(
        invoice.paymentHash,
        await store.get<InvoiceRecord>(INVOICES_TABLE, invoice.paymentHash),
      )
      assert.equal(mintable.kind, 'mint')
    }
  })

  it('refuses a chunk size below 1 with INVOICE_INVALID_PARAMETERS', async () => {
    await assert.rejects(
      putPaidInvoices({ store, invoices: [], rate: new Rational(1n), chunkSize: 0 }),
      (error: unknown) => isChainopsError(error, 'INVOICE_INVALID_PARAMETERS'),
    )
  })
})
