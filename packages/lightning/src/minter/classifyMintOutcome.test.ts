import assert from 'node:assert/strict'
import { describe, it } from 'mocha'
import { getAddress } from 'viem'
import { classifyMintOutcome } from './classifyMintOutcome.ts'

const paymentHash = 'cd'.repeat(32)
const from = getAddress('0x00000000000000000000000000000000000000aa')
const at = '2030-01-01T00:00:00.000Z'
const txHash = `0x${'AB'.repeat(32)}` as const
const receipt = {
  transactionHash: txHash,
  blockNumber: 42n,
  status: 'success' as const,
  gasUsed: 21_000n,
  effectiveGasPrice: 1_000_000_007n,
}

describe('classifyMintOutcome', () => {
  it('a successful receipt is minted: the journal outcome and the reported one carry the lowercase hash and block', () => {
    assert.deepEqual(classifyMintOutcome({ paymentHash, nonce: 3n, from, receipt, at }), {
      write: {
        paymentHash,
        outcome: {
          kind: 'minted',
          txHash: txHash.toLowerCase(),
          block: '42',
          gasUsed: '21000',
          effectiveGasPrice: '1000000007',
          at,
        },
      },
      outcome: { paymentHash, status: 'minted', txHash: txHash.toLowerCase(), block: 42n },
    })
  })

  it('a reverted receipt is MINT_REVERTED, still recorded with its gas (the float counts it)', () => {
    assert.deepEqual(
      classifyMintOutcome({ paymentHash, nonce: 3n, from, receipt: { ...receipt, status: 'reverted' }, at }),
      {
        write: {
          paymentHash,
          outcome: {
            kind: 'reverted',
            txHash: txHash.toLowerCase(),
            block: '42',
            gasUsed: '21000',
            effectiveGasPrice: '1000000007',
            at,
          },
        },
        outcome: {
          paymentHash,
          status: 'failed',
          code: 'MINT_REVERTED',
          reason: `the mint transaction ${txHash.toLowerCase()} reverted in block 42`,
        },
      },
    )
  })

  it('a receipt wins over the nonce check (the mint itself used the nonce)', () => {
    assert.equal(
      classifyMintOutcome({ paymentHash, nonce: 3n, from, receipt, chainLatestNonce: 10n, at })?.outcome.status,
      'minted',
    )
  })

  it('no receipt with the nonce used on chain is MINT_NONCE_CONFLICT, naming the nonce and the sender', () => {
    const reason = `nonce 3 of ${from} was used by a transaction that is not in this mint's journal row; it was never minted (never re-sign it at a new nonce without an operator's decision)`
    assert.deepEqual(
      classifyMintOutcome({ paymentHash, nonce: 3n, from, receipt: undefined, chainLatestNonce: 4n, at }),
      {
        write: { paymentHash, outcome: { kind: 'conflict', detectedAt: at, details: reason } },
        outcome: { paymentHash, status: 'failed', code: 'MINT_NONCE_CONFLICT', reason },
      },
    )
  })

  it('no receipt is still in flight when the nonce is not used yet, or the chain nonce is unknown', () => {
    assert.equal(
      classifyMintOutcome({ paymentHash, nonce: 4n, from, receipt: undefined, chainLatestNonce: 4n, at }),
      undefined,
    )
    assert.equal(classifyMintOutcome({ paymentHash, nonce: 0n, from, receipt: undefined, at }), undefined)
  })
})
