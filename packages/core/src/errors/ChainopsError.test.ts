import assert from 'node:assert/strict'
import { ChainopsError } from './ChainopsError.ts'
import { isChainopsError } from './isChainopsError.ts'

describe('ChainopsError', () => {
  it('carries a stable code, short message, details and cause in its message', () => {
    const cause = new Error('low level')
    const error = new ChainopsError({
      code: 'STORE_BUSY',
      shortMessage: 'genesis is bad',
      details: 'at alloc[0]',
      cause,
    })
    assert.equal(error.code, 'STORE_BUSY')
    assert.equal(error.shortMessage, 'genesis is bad')
    assert.equal(error.details, 'at alloc[0]')
    assert.equal(error.cause, cause)
    assert.equal(error.message, 'genesis is bad [STORE_BUSY]\n\nDetails: at alloc[0]')
    assert.ok(isChainopsError(error, 'STORE_BUSY'))
    assert.ok(!isChainopsError(error, 'QUEUE_CLOSED'))
    assert.ok(!isChainopsError(cause))
  })

  it('walk() returns the deepest cause, or the first match of a predicate', () => {
    const root = new Error('root')
    const middle = new ChainopsError({ code: 'UNITS_INVALID_AMOUNT', shortMessage: 'middle', cause: root })
    const top = new ChainopsError({ code: 'TOP', shortMessage: 'top', cause: middle })
    assert.equal(top.walk(), root)
    assert.equal(
      top.walk((e) => isChainopsError(e, 'UNITS_INVALID_AMOUNT')),
      middle,
    )
    assert.equal(
      top.walk((e) => isChainopsError(e, 'LOGGER_INVALID_LEVEL')),
      undefined,
    )
  })

  it('serialises to JSON without the cause', () => {
    const error = new ChainopsError({ code: 'C', shortMessage: 's', cause: new Error('secret-ish') })
    assert.deepEqual(JSON.parse(JSON.stringify(error)), { name: 'ChainopsError', code: 'C', shortMessage: 's' })
  })
})
