import assert from 'node:assert/strict'
import { isChainopsError } from '../errors/ChainopsError.ts'
import { formatUnits } from './formatUnits.ts'
import { parseUnits } from './parseUnits.ts'

describe('formatUnits', () => {
  it('formats base units exactly with trailing zeros trimmed', () => {
    assert.equal(formatUnits(1_500_000_000_000_000_000n, 18), '1.5')
    assert.equal(formatUnits(1n, 18), '0.000000000000000001')
    assert.equal(formatUnits(0n, 18), '0')
    assert.equal(formatUnits(1000n, 3), '1')
    assert.equal(formatUnits(123n, 0), '123')
    assert.equal(formatUnits(-1n, 9), '-0.000000001')
    assert.equal(
      formatUnits(2n ** 256n - 1n, 18),
      '115792089237316195423570985008687907853269984665640564039457.584007913129639935',
    )
  })

  it('round-trips with parseUnits', () => {
    for (const text of ['0', '1', '0.1', '123456789.000000001', '30000000000']) {
      assert.equal(formatUnits(parseUnits(text, 9), 9), text)
    }
  })

  it('refuses a number where a bigint belongs', () => {
    assert.throws(
      () => formatUnits(1 as unknown as bigint, 18),
      (error) =>
        isChainopsError(error, 'UNITS_INVALID_AMOUNT') && error.details === 'expected a bigint, received number',
    )
  })
})
