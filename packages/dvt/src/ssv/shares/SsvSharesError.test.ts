import assert from 'node:assert/strict'
import { ChainopsError, isChainopsError } from '@chainops/core'
import { SsvSharesError } from './SsvSharesError.ts'

describe('SsvSharesError', () => {
  it('is a ChainopsError with its stable code, short message, details and cause', () => {
    const cause = new Error('inner')
    const error = new SsvSharesError({
      code: 'SSV_SHARES_OPERATOR_KEY',
      shortMessage: 'operator 7: the key is not an RSA-2048 public key',
      details: 'modulus of 1024 bits',
      cause,
    })
    assert.ok(error instanceof ChainopsError)
    assert.equal(isChainopsError(error, 'SSV_SHARES_OPERATOR_KEY'), true)
    assert.equal(isChainopsError(error, 'SSV_SHARES_OPERATOR_COUNT'), false)
    assert.equal(error.name, 'SsvSharesError')
    assert.equal(
      error.message,
      'operator 7: the key is not an RSA-2048 public key [SSV_SHARES_OPERATOR_KEY]\n\nDetails: modulus of 1024 bits',
    )
    assert.equal(error.walk(), cause)
    assert.deepEqual(JSON.parse(JSON.stringify(error)), {
      name: 'SsvSharesError',
      code: 'SSV_SHARES_OPERATOR_KEY',
      shortMessage: 'operator 7: the key is not an RSA-2048 public key',
      details: 'modulus of 1024 bits',
    })
  })
})
