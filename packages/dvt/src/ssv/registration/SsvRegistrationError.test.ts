import assert from 'node:assert/strict'
import { ChainopsError, isChainopsError } from '@chainops/core'
import { SsvRegistrationError } from './SsvRegistrationError.ts'

describe('SsvRegistrationError', () => {
  it('is a ChainopsError with its stable code, short message, details and cause', () => {
    const cause = new Error('inner')
    const error = new SsvRegistrationError({
      code: 'SSV_REGISTRATION_STALE_NONCE',
      shortMessage: 'the keyshares file is built for owner nonce 1, the chain is at 3',
      details: 'rebuild the shares for nonce 3',
      cause,
    })
    assert.ok(error instanceof ChainopsError)
    assert.equal(isChainopsError(error, 'SSV_REGISTRATION_STALE_NONCE'), true)
    assert.equal(isChainopsError(error, 'SSV_REGISTRATION_ABI'), false)
    assert.equal(error.name, 'SsvRegistrationError')
    assert.equal(
      error.message,
      'the keyshares file is built for owner nonce 1, the chain is at 3 [SSV_REGISTRATION_STALE_NONCE]\n\nDetails: rebuild the shares for nonce 3',
    )
    assert.equal(error.walk(), cause)
    assert.deepEqual(JSON.parse(JSON.stringify(error)), {
      name: 'SsvRegistrationError',
      code: 'SSV_REGISTRATION_STALE_NONCE',
      shortMessage: 'the keyshares file is built for owner nonce 1, the chain is at 3',
      details: 'rebuild the shares for nonce 3',
    })
  })
})
