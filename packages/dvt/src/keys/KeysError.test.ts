import assert from 'node:assert/strict'
import { ChainopsError, isChainopsError } from '@chainops/core'
import { KeysError } from './KeysError.ts'

describe('KeysError', () => {
  it('is a ChainopsError with its stable code, short message, details and cause', () => {
    const cause = new Error('inner')
    const error = new KeysError({
      code: 'KEYS_PATH_INVALID',
      shortMessage: 'not an EIP-2334 validator path',
      details: 'got "m/44"',
      cause,
    })
    assert.ok(error instanceof ChainopsError)
    assert.equal(isChainopsError(error, 'KEYS_PATH_INVALID'), true)
    assert.equal(isChainopsError(error, 'KEYS_SEED_LENGTH'), false)
    assert.equal(error.name, 'KeysError')
    assert.equal(error.message, 'not an EIP-2334 validator path [KEYS_PATH_INVALID]\n\nDetails: got "m/44"')
    assert.equal(error.walk(), cause)
    assert.deepEqual(JSON.parse(JSON.stringify(error)), {
      name: 'KeysError',
      code: 'KEYS_PATH_INVALID',
      shortMessage: 'not an EIP-2334 validator path',
      details: 'got "m/44"',
    })
  })
})
