import assert from 'node:assert/strict'
import { ChainopsError, isChainopsError } from '@chainops/core'
import { SplitsError } from './SplitsError.ts'

describe('SplitsError', () => {
  it('is a ChainopsError with its stable code, short message, details and cause', () => {
    const cause = new Error('inner')
    const error = new SplitsError({
      code: 'SPLITS_TRANSACTION_FAILED',
      shortMessage: 'createSplit emitted no SplitCreated',
      details: 'transaction 0xabc, status reverted',
      cause,
    })
    assert.ok(error instanceof ChainopsError)
    assert.equal(isChainopsError(error, 'SPLITS_TRANSACTION_FAILED'), true)
    assert.equal(isChainopsError(error, 'SPLITS_INVALID_SPLIT'), false)
    assert.equal(error.name, 'SplitsError')
    assert.equal(
      error.message,
      'createSplit emitted no SplitCreated [SPLITS_TRANSACTION_FAILED]\n\nDetails: transaction 0xabc, status reverted',
    )
    assert.equal(error.walk(), cause)
    assert.deepEqual(JSON.parse(JSON.stringify(error)), {
      name: 'SplitsError',
      code: 'SPLITS_TRANSACTION_FAILED',
      shortMessage: 'createSplit emitted no SplitCreated',
      details: 'transaction 0xabc, status reverted',
    })
  })
})
