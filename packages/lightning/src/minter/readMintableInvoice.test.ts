import assert from 'node:assert/strict'
import type { StoredRecord } from '@chainops/core'
import type { InvoiceRecord } from '../invoices/InvoiceRecord.ts'
import { readMintableInvoice } from './readMintableInvoice.ts'

const hash = 'cd'.repeat(32)
const address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'

function stored(fields: Partial<InvoiceRecord>): StoredRecord<InvoiceRecord> {
  return {
    table: 'invoices',
    key: hash,
    version: 3,
    value: {
      paymentHash: hash,
      address,
      requestedSats: '1000',
      rate: '10000000000/1',
      request: 'lnbcrt1',
      expiresAt: '2030-01-01T00:00:00.000Z',
      createdAt: '2025-01-01T00:00:00.000Z',
      state: 'PAID',
      receivedMsat: '1000500',
      mintWei: '10005000000000',
      ...fields,
    },
  }
}

describe('readMintableInvoice', () => {
  it('a PAID record mints floor(receivedMsat * rate / 1000) to its address, at the version read', () => {
    assert.deepEqual(readMintableInvoice(hash, stored({})), {
      kind: 'mint',
      paymentHash: hash,
      to: address,
      valueWei: 10_005_000_000_000n,
      version: 3,
    })
  })
  it("a record assigned to another sending key waits for that key's minter; its own key (any case) mints it", () => {
    const other = '0x0000000000000000000000000000000000000007'
    assert.deepEqual(readMintableInvoice(hash, stored({ sender: other }), address), {
      kind: 'wait',
      paymentHash: hash,
      reason: `the invoice is assigned to sending key ${other}`,
    })
    assert.equal(readMintableInvoice(hash, stored({ sender: address.toLowerCase() }), address).kind, 'mint')
    assert.equal(readMintableInvoice(hash, stored({}), address).kind, 'mint', 'a record paid before sharding')
  })
  it('without mintWei the amount is computed from receivedMsat and rate', () => {
    const { mintWei: _, ...rest } = stored({}).value
    assert.equal(
      (readMintableInvoice(hash, { ...stored({}), value: rest as InvoiceRecord }) as { valueWei: bigint }).valueWei,
      10_005_000_000_000n,
    )
  })
  const table: Array<[string, StoredRecord<InvoiceRecord> | undefined, unknown]> = [
    [
      'no record yet: wait',
      undefined,
      { kind: 'wait', paymentHash: hash, reason: 'no invoice record for this payment hash' },
    ],
    [
      'PENDING: wait',
      stored({ state: 'PENDING' }),
      { kind: 'wait', paymentHash: hash, reason: 'the invoice is not PAID yet' },
    ],
    [
      'MINTED: done, with its transaction',
      stored({ state: 'MINTED', mintTxHash: '0xab', mintBlock: '7' }),
      { kind: 'minted', paymentHash: hash, txHash: '0xab', block: '7' },
    ],
    [
      'EXPIRED: refused',
      stored({ state: 'EXPIRED' }),
      {
        kind: 'refuse',
        paymentHash: hash,
        code: 'MINT_INVALID_RECORD',
        reason: 'the invoice is EXPIRED and never mints',
      },
    ],
    [
      'CANCELED: refused',
      stored({ state: 'CANCELED' }),
      {
        kind: 'refuse',
        paymentHash: hash,
        code: 'MINT_INVALID_RECORD',
        reason: 'the invoice is CANCELED and never mints',
      },
    ],
    [
      'a lower-case (unchecksummed) address: refused',
      stored({ address: address.toLowerCase() as `0x${string}` }),
      {
        kind: 'refuse',
        paymentHash: hash,
        code: 'MINT_INVALID_RECORD',
        reason: 'the invoice address is not a checksummed address',
      },
    ],
    [
      'the zero address: refused',
      stored({ address: '0x0000000000000000000000000000000000000000' }),
      {
        kind: 'refuse',
        paymentHash: hash,
        code: 'MINT_INVALID_RECORD',
        reason: 'the invoice address is the zero address',
      },
    ],
    [
      'a mintWei that disagrees with the rate: refused as a mismatch',
      stored({ mintWei: '10005000000001' }),
      {
        kind: 'refuse',
        paymentHash: hash,
        code: 'MINT_AMOUNT_MISMATCH',
        reason: 'mintWei 10005000000001 differs from floor(receivedMsat * rate / 1000) = 10005000000000',
      },
    ],
    [
      'a record of another hash: refused',
      stored({ paymentHash: 'ef'.repeat(32) }),
      {
        kind: 'refuse',
        paymentHash: hash,
        code: 'MINT_INVALID_RECORD',
        reason: 'the invoice record names another payment hash',
      },
    ],
    [
      'a float receivedMsat: refused',
      stored({ receivedMsat: '1000.5' }),
      {
        kind: 'refuse',
        paymentHash: hash,
        code: 'MINT_INVALID_RECORD',
        reason: 'receivedMsat is not a decimal string',
      },
    ],
  ]
  for (const [name, record, expected] of table)
    it(name, () => assert.deepEqual(readMintableInvoice(hash, record), expected))
})
