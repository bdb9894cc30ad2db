import assert from 'node:assert/strict'
import { ChainopsError, isChainopsError } from '@chainops/core'
import { DevnetError } from './DevnetError.ts'

describe('DevnetError', () => {
  it('is a ChainopsError with its stable code, message, details and cause', () => {
    const cause = new Error('EADDRINUSE')
    const error = new DevnetError({
      code: 'DEVNET_NO_FREE_PORT',
      shortMessage: 'no free port found on 127.0.0.1',
      details: 'd',
      cause,
    })
    assert.ok(error instanceof ChainopsError)
    assert.equal(isChainopsError(error, 'DEVNET_NO_FREE_PORT'), true)
    assert.equal(error.name, 'DevnetError')
    assert.equal(error.message, 'no free port found on 127.0.0.1 [DEVNET_NO_FREE_PORT]\n\nDetails: d')
    assert.equal(error.cause, cause)
    assert.deepEqual(error.toJSON(), {
      name: 'DevnetError',
      code: 'DEVNET_NO_FREE_PORT',
      shortMessage: 'no free port found on 127.0.0.1',
      details: 'd',
    })
  })
})
