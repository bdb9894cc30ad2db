import assert from 'node:assert/strict'
import { ChainopsError, isChainopsError } from '@chainops/core'
import { ObolError } from './ObolError.ts'

describe('ObolError', () => {
  it('is a ChainopsError with its stable code, short message, details and cause', () => {
    const cause = new Error('inner')
    const error = new ObolError({
      code: 'OBOL_BAD_SIGNATURE',
      shortMessage: 'operator 1 config signature does not verify',
      details: 'address 0xabc',
      cause,
    })
    assert.ok(error instanceof ChainopsError)
    assert.equal(isChainopsError(error, 'OBOL_BAD_SIGNATURE'), true)
    assert.equal(isChainopsError(error, 'OBOL_HASH_MISMATCH'), false)
    assert.equal(error.name, 'ObolError')
    assert.equal(
      error.message,
      'operator 1 config signature does not verify [OBOL_BAD_SIGNATURE]\n\nDetails: address 0xabc',
    )
    assert.equal(error.walk(), cause)
    assert.deepEqual(JSON.parse(JSON.stringify(error)), {
      name: 'ObolError',
      code: 'OBOL_BAD_SIGNATURE',
      shortMessage: 'operator 1 config signature does not verify',
      details: 'address 0xabc',
    })
  })
})
