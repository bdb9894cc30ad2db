import assert from 'node:assert/strict'
import { ChainopsError, isChainopsError } from '@chainops/core'
import { DepositError } from './DepositError.ts'

describe('DepositError', () => {
  it('is a ChainopsError with its stable code, short message, details and cause', () => {
    const cause = new Error('inner')
    const error = new DepositError({
      code: 'DEPOSIT_WRONG_NETWORK',
      shortMessage: 'deposit data is for holesky, not mainnet',
      details: 'fork_version 01017000, mainnet is 00000000',
      cause,
    })
    assert.ok(error instanceof ChainopsError)
    assert.equal(isChainopsError(error, 'DEPOSIT_WRONG_NETWORK'), true)
    assert.equal(isChainopsError(error, 'DEPOSIT_BAD_ROOT'), false)
    assert.equal(error.name, 'DepositError')
    assert.equal(
      error.message,
      'deposit data is for holesky, not mainnet [DEPOSIT_WRONG_NETWORK]\n\nDetails: fork_version 01017000, mainnet is 00000000',
    )
    assert.equal(error.walk(), cause)
    assert.deepEqual(JSON.parse(JSON.stringify(error)), {
      name: 'DepositError',
      code: 'DEPOSIT_WRONG_NETWORK',
      shortMessage: 'deposit data is for holesky, not mainnet',
      details: 'fork_version 01017000, mainnet is 00000000',
    })
  })
})
