import assert from 'node:assert/strict'
import { describe, it } from 'mocha'
import { getAddress } from 'viem'
import { classifyJournalRow } from './classifyJournalRow.ts'
import type { MintJournalRow } from './MintJournalRow.ts'

const paymentHash = 'ef'.repeat(32)
const sender = getAddress('0x00000000000000000000000000000000000000aa')
const row: MintJournalRow = {
  paymentHash,
  from: sender,
  to: getAddress('0x00000000000000000000000000000000000000bb'),
  valueWei: '1',
  nonce: '0',
  gas: '21000',
  rawTx: '0x02',
  txHash: `0x${'11'.repeat(32)}`,
  maxFeePerGas: '1',
  maxPriorityFeePerGas: '1',
  createdAt: '2030-01-01T00:00:00.000Z',
  feeBumps: [],
}
const receiptFields = { txHash: row.txHash, block: '9', gasUsed: '21000', effectiveGasPrice: '1', at: row.createdAt }

describe('classifyJournalRow', () => {
  it('an open row of this sender is undefined: track it and send the same transaction again', () => {
    assert.equal(classifyJournalRow({ paymentHash, row, sender }), undefined)
    assert.equal(classifyJournalRow({ paymentHash, row, sender: sender.toLowerCase() }), undefined, 'any case')
  })

  it('a row journaled by another sending key is dead with MINT_NONCE_CONFLICT: never a second nonce', () => {
    const other = getAddress('0x00000000000000000000000000000000000000cc')
    assert.deepEqual(classifyJournalRow({ paymentHash, row: { ...row, from: other }, sender }), {
      paymentHash,
      status: 'dead',
      code: 'MINT_NONCE_CONFLICT',
      reason: `journaled by another sending key ${other}`,
    })
  })

  it('a row that ended minted is minted, with its transaction and block', () => {
    assert.deepEqual(
      classifyJournalRow({ paymentHash, row: { ...row, outcome: { kind: 'minted', ...receiptFields } }, sender }),
      { paymentHash, status: 'minted', txHash: row.txHash, block: '9' },
    )
  })

  it('a row that ended reverted or in conflict is dead with that code', () => {
    assert.deepEqual(
      classifyJournalRow({ paymentHash, row: { ...row, outcome: { kind: 'reverted', ...receiptFields } }, sender }),
      { paymentHash, status: 'dead', code: 'MINT_REVERTED', reason: 'the journaled mint ended reverted' },
    )
    assert.deepEqual(
      classifyJournalRow({
        paymentHash,
        row: { ...row, outcome: { kind: 'conflict', detectedAt: row.createdAt, details: 'x' } },
        sender,
      }),
      { paymentHash, status: 'dead', code: 'MINT_NONCE_CONFLICT', reason: 'the journaled mint ended conflict' },
    )
  })
})
