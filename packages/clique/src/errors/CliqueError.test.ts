import assert from 'node:assert/strict'
import { ChainopsError, isChainopsError } from '@chainops/core'
import { CliqueError } from './CliqueError.ts'

describe('CliqueError', () => {
  it('is a ChainopsError with a stable code, the JSON path and the path in its details', () => {
    const error = new CliqueError({
      code: 'QUANTITY_INVALID',
      shortMessage: 'bad',
      path: 'alloc.0x01.balance',
      details: 'why',
    })
    assert.ok(error instanceof ChainopsError)
    assert.equal(isChainopsError(error, 'QUANTITY_INVALID'), true)
    assert.equal(error.name, 'CliqueError')
    assert.equal(error.path, 'alloc.0x01.balance')
    assert.equal(error.details, 'at alloc.0x01.balance: why')
    assert.equal(error.message, 'bad [QUANTITY_INVALID]\n\nDetails: at alloc.0x01.balance: why')
  })

  it('keeps details untouched when there is no path', () => {
    const cause = new Error('inner')
    const error = new CliqueError({ code: 'PLAN_INVALID', shortMessage: 'bad plan', details: 'd', cause })
    assert.equal(error.path, undefined)
    assert.equal(error.details, 'd')
    assert.equal(error.walk(), cause)
  })
})
