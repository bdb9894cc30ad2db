import assert from 'node:assert/strict'
import { ChainopsError, isChainopsError } from '@chainops/core'
import { TestkitError } from './TestkitError.ts'

describe('TestkitError', () => {
  it('is a ChainopsError with its stable code, message, details and cause', () => {
    const cause = new Error('connection refused')
    const error = new TestkitError({
      code: 'TESTKIT_POLL_TIMEOUT',
      shortMessage: 'timed out after 10 ms waiting for block 5',
      details: 'd',
      cause,
    })
    assert.ok(error instanceof ChainopsError)
    assert.equal(isChainopsError(error, 'TESTKIT_POLL_TIMEOUT'), true)
    assert.equal(error.name, 'TestkitError')
    assert.equal(error.message, 'timed out after 10 ms waiting for block 5 [TESTKIT_POLL_TIMEOUT]\n\nDetails: d')
    assert.equal(error.cause, cause)
    assert.deepEqual(error.toJSON(), {
      name: 'TestkitError',
      code: 'TESTKIT_POLL_TIMEOUT',
      shortMessage: 'timed out after 10 ms waiting for block 5',
      details: 'd',
    })
  })
})
