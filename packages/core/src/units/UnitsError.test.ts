import assert from 'node:assert/strict'
import { ChainopsError, isChainopsError } from '../errors/ChainopsError.ts'
import { RationalError } from './RationalError.ts'
import { UnitsError } from './UnitsError.ts'

describe('UnitsError and RationalError', () => {
  it('are ChainopsErrors with their own name, stable code and details', () => {
    const units = new UnitsError({ code: 'UNITS_INVALID_AMOUNT', shortMessage: 'Invalid amount', details: 'empty' })
    assert.ok(units instanceof ChainopsError)
    assert.equal(units.name, 'UnitsError')
    assert.equal(units.message, 'Invalid amount [UNITS_INVALID_AMOUNT]\n\nDetails: empty')
    assert.ok(isChainopsError(units, 'UNITS_INVALID_AMOUNT'))

    const rational = new RationalError({ code: 'RATIONAL_ZERO_DENOMINATOR', shortMessage: 'zero' })
    assert.ok(rational instanceof ChainopsError)
    assert.equal(rational.name, 'RationalError')
    assert.equal(rational.code, 'RATIONAL_ZERO_DENOMINATOR')
  })
})
