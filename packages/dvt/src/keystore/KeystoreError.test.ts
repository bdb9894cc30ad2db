import assert from 'node:assert/strict'
import { ChainopsError, isChainopsError } from '@chainops/core'
import { KeystoreError } from './KeystoreError.ts'

describe('KeystoreError', () => {
  it('is a ChainopsError with its stable code, short message, details and cause', () => {
    const cause = new Error('inner')
    const error = new KeystoreError({
      code: 'KEYSTORE_CORRUPT',
      shortMessage: 'crypto.checksum.message is 32 bytes',
      details: 'crypto.checksum.message has 2 bytes',
      cause,
    })
    assert.ok(error instanceof ChainopsError)
    assert.equal(isChainopsError(error, 'KEYSTORE_CORRUPT'), true)
    assert.equal(isChainopsError(error, 'KEYSTORE_WRONG_PASSWORD'), false)
    assert.equal(error.name, 'KeystoreError')
    assert.equal(
      error.message,
      'crypto.checksum.message is 32 bytes [KEYSTORE_CORRUPT]\n\nDetails: crypto.checksum.message has 2 bytes',
    )
    assert.equal(error.walk(), cause)
    assert.deepEqual(JSON.parse(JSON.stringify(error)), {
      name: 'KeystoreError',
      code: 'KEYSTORE_CORRUPT',
      shortMessage: 'crypto.checksum.message is 32 bytes',
      details: 'crypto.checksum.message has 2 bytes',
    })
  })
})
