import assert from 'node:assert/strict'
import { isChainopsError } from '../errors/ChainopsError.ts'
import { formatBtc } from './formatBtc.ts'
import { formatEther } from './formatEther.ts'
import { formatGwei } from './formatGwei.ts'
import { parseBtc } from './parseBtc.ts'
import { parseEther } from './parseEther.ts'
import { parseGwei } from './parseGwei.ts'

describe('parseEther / formatEther, parseGwei / formatGwei, parseBtc / formatBtc', () => {
  it('parseEther gives wei exactly', () => {
    assert.equal(parseEther('1.5'), 1_500_000_000_000_000_000n)
    assert.equal(parseEther('30000000000'), 30_000_000_000n * 10n ** 18n)
    assert.equal(formatEther(1_500_000_000_000_000_000n), '1.5')
    assert.equal(formatEther(1n), '0.000000000000000001')
  })

  it('parseGwei gives wei exactly', () => {
    assert.equal(parseGwei('1.000000001'), 1_000_000_001n)
    assert.equal(formatGwei(1_000_000_001n), '1.000000001')
    assert.throws(
      () => parseGwei('0.0000000001'),
      (error) => isChainopsError(error, 'UNITS_INVALID_AMOUNT'),
    )
  })

  it('parseBtc gives satoshis exactly', () => {
    assert.equal(parseBtc('0.00000001'), 1n)
    assert.equal(parseBtc('21000000'), 2_100_000_000_000_000n)
    assert.equal(formatBtc(150_000_000n), '1.5')
    assert.throws(
      () => parseBtc('0.000000001'),
      (error) => isChainopsError(error, 'UNITS_INVALID_AMOUNT') && error.shortMessage === 'Invalid btc amount',
    )
  })

  it('refuses negative ether, gwei and btc', () => {
    for (const parse of [parseEther, parseGwei, parseBtc]) {
      assert.throws(
        () => parse('-1'),
        (error) => isChainopsError(error, 'UNITS_INVALID_AMOUNT'),
      )
    }
  })
})
