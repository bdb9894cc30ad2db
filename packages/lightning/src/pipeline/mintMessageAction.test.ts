import assert from 'node:assert/strict'
import { describe, it } from 'mocha'
import type { MintSubmission } from '../minter/Minter.ts'
import { mintMessageAction } from './mintMessageAction.ts'

const paymentHash = 'ab'.repeat(32)
const tracked: MintSubmission = { paymentHash, status: 'tracked', nonce: 3n, txHash: `0x${'cd'.repeat(32)}` }

describe('mintMessageAction: the one acknowledgement rule of both consumers', () => {
  it('acknowledging journaled: a tracked (journaled and sent) mint is deleted', () => {
    assert.deepEqual(mintMessageAction(tracked, 'journaled'), { kind: 'delete' })
  })

  it('acknowledging minted: a tracked mint is kept until its outcome', () => {
    assert.deepEqual(mintMessageAction(tracked, 'minted'), { kind: 'await' })
  })

  it('MINTED is deleted, not yet mintable is retried, never mintable is dead-lettered with code and reason, in both rules', () => {
    for (const acknowledge of ['journaled', 'minted'] as const) {
      assert.deepEqual(
        mintMessageAction({ paymentHash, status: 'minted', txHash: undefined, block: undefined }, acknowledge),
        { kind: 'delete' },
      )
      assert.deepEqual(mintMessageAction({ paymentHash, status: 'retry', reason: 'not PAID yet' }, acknowledge), {
        kind: 'retry',
        reason: 'not PAID yet',
      })
      assert.deepEqual(
        mintMessageAction(
          { paymentHash, status: 'dead', code: 'MINT_INVALID_RECORD', reason: 'invoice expired' },
          acknowledge,
        ),
        { kind: 'deadLetter', reason: 'MINT_INVALID_RECORD: invoice expired' },
      )
    }
  })
})
