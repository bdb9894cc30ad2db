import assert from 'node:assert/strict'
import { describe, it } from 'mocha'
import { getAddress } from 'viem'
import { currentMintVariant } from './currentMintVariant.ts'
import type { MintJournalRow } from './MintJournalRow.ts'
import { mintJobFromRow } from './mintJobFromRow.ts'
import { mintJobToRow } from './mintJobToRow.ts'

const from = getAddress('0x00000000000000000000000000000000000000aa')
const row: MintJournalRow = {
  paymentHash: 'ab'.repeat(32),
  from,
  to: getAddress('0x00000000000000000000000000000000000000bb'),
  valueWei: '25000000000000',
  nonce: '7',
  gas: '21000',
  rawTx: '0x02aa',
  txHash: `0x${'11'.repeat(32)}`,
  maxFeePerGas: '3000000000',
  maxPriorityFeePerGas: '1000000000',
  createdAt: '2030-01-01T00:00:00.000Z',
  feeBumps: [
    {
      rawTx: '0x02bb',
      txHash: `0x${'22'.repeat(32)}`,
      maxFeePerGas: '3375000000',
      maxPriorityFeePerGas: '1125000000',
      at: '2030-01-01T00:00:09.000Z',
    },
  ],
}

describe('mintJobFromRow / mintJobToRow', () => {
  it('a row becomes a job with bigint fields, the first signature then its fee bumps, not yet sent', () => {
    const job = mintJobFromRow(row, 12n)
    assert.deepEqual(job, {
      paymentHash: row.paymentHash,
      to: row.to,
      valueWei: 25_000_000_000_000n,
      nonce: 7n,
      gas: 21_000n,
      variants: [
        {
          rawTx: '0x02aa',
          txHash: row.txHash,
          maxFeePerGas: '3000000000',
          maxPriorityFeePerGas: '1000000000',
          at: '2030-01-01T00:00:00.000Z',
        },
        row.feeBumps[0],
      ],
      lastSentAt: 0,
      sending: false,
      signedAtBlock: 12n,
      waiters: [],
    })
    assert.equal(currentMintVariant(job).txHash, `0x${'22'.repeat(32)}`, 'the last fee bump is what is sent')
  })

  it('the job maps back to the same row (an open row has no outcome)', () => {
    assert.deepEqual(mintJobToRow(mintJobFromRow(row, 0n), from), row)
  })

  it('a job without fee bumps sends its first signature', () => {
    const job = mintJobFromRow({ ...row, feeBumps: [] }, 0n)
    assert.equal(currentMintVariant(job).rawTx, '0x02aa')
    assert.deepEqual(mintJobToRow(job, from).feeBumps, [])
  })
})
