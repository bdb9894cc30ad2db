import assert from 'node:assert/strict'
import { isChainopsError } from '../errors/isChainopsError.ts'
import { formatExactUnits } from './formatExactUnits.ts'
import { parseExactUnits } from './parseExactUnits.ts'

describe('formatExactUnits', () => {
  it('formats base units exactly with trailing zeros trimmed', () => {
    assert.equal(formatExactUnits(1_500_000_000_000_000_000n, 18), '1.5')
    assert.equal(formatExactUnits(1n, 18), '0.000000000000000001')
    assert.equal(formatExactUnits(0n, 18), '0')
    assert.equal(formatExactUnits(1000n, 3), '1')
    assert.equal(formatExactUnits(123n, 0), '123')
    assert.equal(formatExactUnits(-1n, 9), '-0.000000001')
    assert.equal(
      formatExactUnits(2n ** 256n - 1n, 18),
      '115792089237316195423570985008687907853269984665640564039457.584007913129639935',
    )
  })

  it('round-trips with parseExactUnits', () => {
    for (const text of ['0', '1', '0.1', '123456789.000000001', '30000000000']) {
      assert.equal(formatExactUnits(parseExactUnits(text, 9), 9), text)
    }
  })

  it('refuses a number where a bigint belongs', () => {
    assert.throws(
      () => formatExactUnits(1 as unknown as bigint, 18),
      (error) =>
        isChainopsError(error, 'UNITS_INVALID_AMOUNT') && error.details === 'expected a bigint, received number',
    )
  })
})
