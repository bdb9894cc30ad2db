import assert from 'node:assert/strict'
import { isChainopsError } from '../errors/isChainopsError.ts'
import { parseExactUnits } from './parseExactUnits.ts'

describe('parseExactUnits', () => {
  it('scales decimal strings to base units exactly', () => {
    assert.equal(parseExactUnits('1.5', 18), 1_500_000_000_000_000_000n)
    assert.equal(parseExactUnits('0.000000000000000001', 18), 1n)
    assert.equal(
      parseExactUnits('115792089237316195423570985008687907853269984665640564039457.584007913129639935', 18),
      2n ** 256n - 1n,
    )
    assert.equal(parseExactUnits('42', 0), 42n)
    assert.equal(parseExactUnits('0', 6), 0n)
    assert.equal(parseExactUnits('1.10', 2), 110n)
  })

  it('accepts a negative amount only when asked to', () => {
    assert.equal(parseExactUnits('-0.5', 1, { allowNegative: true }), -5n)
    assert.throws(
      () => parseExactUnits('-0.5', 1),
      (error) => isChainopsError(error, 'UNITS_INVALID_AMOUNT'),
    )
  })

  it('refuses more decimals than the unit has instead of rounding, even trailing zeros', () => {
    assert.throws(
      () => parseExactUnits('1.0000000000000000001', 18),
      (error) =>
        isChainopsError(error, 'UNITS_INVALID_AMOUNT') && error.details === '19 decimals given, at most 18 allowed',
    )
    assert.throws(
      () => parseExactUnits('1.000', 2),
      (error) => isChainopsError(error, 'UNITS_INVALID_AMOUNT'),
    )
  })

  it('refuses decimals outside 0..255 with UNITS_INVALID_DECIMALS', () => {
    for (const decimals of [-1, 1.5, 256, Number.NaN]) {
      assert.throws(
        () => parseExactUnits('1', decimals),
        (error) => isChainopsError(error, 'UNITS_INVALID_DECIMALS'),
      )
    }
  })
})
