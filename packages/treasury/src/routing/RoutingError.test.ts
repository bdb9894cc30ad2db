import assert from 'node:assert/strict'
import { ChainopsError, isChainopsError } from '@chainops/core'
import { RoutingError } from './RoutingError.ts'

describe('RoutingError', () => {
  it('is a ChainopsError with its stable code, short message, details and cause', () => {
    const cause = new Error('inner')
    const error = new RoutingError({
      code: 'ROUTING_INSUFFICIENT_BALANCE',
      shortMessage: 'the Safe holds 1, 2 was asked for',
      details: 'Safe 0xabc',
      cause,
    })
    assert.ok(error instanceof ChainopsError)
    assert.equal(isChainopsError(error, 'ROUTING_INSUFFICIENT_BALANCE'), true)
    assert.equal(isChainopsError(error, 'ROUTING_NOTHING_TO_ROUTE'), false)
    assert.equal(error.name, 'RoutingError')
    assert.equal(
      error.message,
      'the Safe holds 1, 2 was asked for [ROUTING_INSUFFICIENT_BALANCE]\n\nDetails: Safe 0xabc',
    )
    assert.equal(error.walk(), cause)
    assert.deepEqual(JSON.parse(JSON.stringify(error)), {
      name: 'RoutingError',
      code: 'ROUTING_INSUFFICIENT_BALANCE',
      shortMessage: 'the Safe holds 1, 2 was asked for',
      details: 'Safe 0xabc',
    })
  })
})
