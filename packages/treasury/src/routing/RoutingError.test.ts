import assert from 'node:assert/strict'
import { ChainopsError } from '@chainops/core'
import { RoutingError } from './RoutingError.ts'

describe('RoutingError', () => {
  it('is a ChainopsError with its stable code and short message', () => {
    const error = new RoutingError({ code: 'ROUTING_NOTHING_TO_ROUTE', shortMessage: 'nothing to route' })
    assert.ok(error instanceof ChainopsError)
    assert.equal(error.name, 'RoutingError')
    assert.equal(error.code, 'ROUTING_NOTHING_TO_ROUTE')
    assert.equal(error.message, 'nothing to route [ROUTING_NOTHING_TO_ROUTE]')
  })
})
