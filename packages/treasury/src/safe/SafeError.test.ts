import assert from 'node:assert/strict'
import { ChainopsError, isChainopsError } from '@chainops/core'
import { SafeError } from './SafeError.ts'

describe('SafeError', () => {
  it('is a ChainopsError with its stable code, short message, details and cause', () => {
    const cause = new Error('inner')
    const error = new SafeError({
      code: 'SAFE_THRESHOLD_NOT_MET',
      shortMessage: '1 of the 2 owner signatures this Safe needs',
      details: 'signed by 0xabc',
      cause,
    })
    assert.ok(error instanceof ChainopsError)
    assert.ok(isChainopsError(error, 'SAFE_THRESHOLD_NOT_MET'))
    assert.equal(error.name, 'SafeError')
    assert.equal(
      error.message,
      '1 of the 2 owner signatures this Safe needs [SAFE_THRESHOLD_NOT_MET]\n\nDetails: signed by 0xabc',
    )
    assert.equal(error.cause, cause)
    assert.equal(error.walk(), cause)
    assert.equal(isChainopsError(error, 'SAFE_SIGNER_NOT_OWNER'), false)
    assert.deepEqual(JSON.parse(JSON.stringify(error)), {
      name: 'SafeError',
      code: 'SAFE_THRESHOLD_NOT_MET',
      shortMessage: '1 of the 2 owner signatures this Safe needs',
      details: 'signed by 0xabc',
    })
  })
})
