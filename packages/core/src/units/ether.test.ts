import assert from 'node:assert/strict'
import { isChainopsError } from '../errors/isChainopsError.ts'
import { formatBtc } from './formatBtc.ts'
import { formatExactEther } from './formatExactEther.ts'
import { formatExactGwei } from './formatExactGwei.ts'
import { parseBtc } from './parseBtc.ts'
import { parseExactEther } from './parseExactEther.ts'
import { parseExactGwei } from './parseExactGwei.ts'
import { WEI_PER_COIN } from './WEI_PER_COIN.ts'

describe('parseExactEther / formatExactEther, parseExactGwei / formatExactGwei, parseBtc / formatBtc', () => {
  it('parseExactEther gives wei exactly, WEI_PER_COIN of them per coin', () => {
    assert.equal(parseExactEther('1'), WEI_PER_COIN)
    assert.equal(WEI_PER_COIN, 1_000_000_000_000_000_000n)
    assert.equal(parseExactEther('1.5'), 1_500_000_000_000_000_000n)
    assert.equal(parseExactEther('30000000000'), 30_000_000_000n * 10n ** 18n)
    assert.equal(formatExactEther(1_500_000_000_000_000_000n), '1.5')
    assert.equal(formatExactEther(1n), '0.000000000000000001')
  })

  it('parseExactGwei gives wei exactly', () => {
    assert.equal(parseExactGwei('1.000000001'), 1_000_000_001n)
    assert.equal(formatExactGwei(1_000_000_001n), '1.000000001')
    assert.throws(
      () => parseExactGwei('0.0000000001'),
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
    for (const parse of [parseExactEther, parseExactGwei, parseBtc]) {
      assert.throws(
        () => parse('-1'),
        (error) => isChainopsError(error, 'UNITS_INVALID_AMOUNT'),
      )
    }
  })
})
