import assert from 'node:assert/strict'
import { SqliteStore } from '@chainops/core'
import { afterEach, describe, it } from 'mocha'
import { type Address, getAddress, type Hex } from 'viem'
import { journalMints } from './journalMints.ts'
import { listOpenMints } from './listOpenMints.ts'
import { MINT_OPEN_TABLE, type MintJournalRow } from './MintJournalRow.ts'
import { recordMintOutcome } from './recordMintOutcome.ts'

const senderA = getAddress('0x00000000000000000000000000000000000000aa')
const senderB = getAddress('0x00000000000000000000000000000000000000bb')

function row(from: Address, nonce: number, tag: string): MintJournalRow {
  return {
    paymentHash: tag.repeat(64 / tag.length),
    from,
    to: getAddress('0x00000000000000000000000000000000000000cc'),
    valueWei: '1',
    nonce: String(nonce),
    gas: '21000',
    rawTx: '0x02',
    txHash: `0x${tag.repeat(64 / tag.length)}` as Hex,
    maxFeePerGas: '2',
    maxPriorityFeePerGas: '1',
    createdAt: '2026-01-01T00:00:00.000Z',
    feeBumps: [],
  }
}

describe('listOpenMints: the open journal rows of one sender, through the mint_open index', () => {
  const stores: SqliteStore[] = []
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close()
  })

  it('journaling adds each row to the index and recording its outcome removes it, in the same transactions; rows come lowest nonce first', async () => {
    const store = new SqliteStore({ path: ':memory:' })
    stores.push(store)
    // Nonces 0..10 of A in one transaction, out of order, and one of B.
    const rowsA = [10, 2, 0, 1].map((nonce, index) => row(senderA, nonce, `a${index}`))
    await journalMints({ store, from: senderA, nonceVersion: undefined, next: 11n, rows: rowsA })
    await journalMints({ store, from: senderB, nonceVersion: undefined, next: 1n, rows: [row(senderB, 0, 'b0')] })

    const listed = await listOpenMints({ store, from: senderA })
    assert.equal(listed.open, 4)
    assert.deepEqual(
      listed.rows.map((r) => r.nonce),
      ['0', '1', '2', '10'],
    )
    assert.deepEqual(
      (await listOpenMints({ store, from: senderB })).rows.map((r) => r.paymentHash),
      ['b0'.repeat(32)],
    )

    const minted = rowsA[1] as MintJournalRow
    assert.equal(
      await recordMintOutcome({
        store,
        writes: [
          {
            paymentHash: minted.paymentHash,
            outcome: {
              kind: 'minted',
              txHash: minted.txHash,
              block: '5',
              gasUsed: '21000',
              effectiveGasPrice: '2',
              at: '2026-01-01T00:00:01.000Z',
            },
          },
        ],
      }),
      1,
    )
    const after = await listOpenMints({ store, from: senderA })
    assert.equal(after.open, 3)
    assert.deepEqual(
      after.rows.map((r) => r.nonce),
      ['0', '1', '10'],
    )
    assert.equal((await store.list(MINT_OPEN_TABLE, { limit: 100 })).records.length, 4, 'three of A, one of B')

    // Hashes the caller holds are counted but not read again.
    const known = new Set([(rowsA[2] as MintJournalRow).paymentHash])
    const partial = await listOpenMints({ store, from: senderA, known: (hash) => known.has(hash) })
    assert.equal(partial.open, 3)
    assert.deepEqual(
      partial.rows.map((r) => r.nonce),
      ['1', '10'],
    )
  })
})
