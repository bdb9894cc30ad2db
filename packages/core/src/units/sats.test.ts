import assert from 'node:assert/strict'
import { isChainopsError } from '../errors/isChainopsError.ts'
import { formatSats } from './formatSats.ts'
import { msatToSats } from './msatToSats.ts'
import { parseSats } from './parseSats.ts'
import { satsToMsat } from './satsToMsat.ts'

describe('parseSats / formatSats / satsToMsat / msatToSats', () => {
  it('parseSats reads whole satoshis and refuses fractions, signs and junk', () => {
    assert.equal(parseSats('21000'), 21_000n)
    assert.equal(parseSats('0'), 0n)
    for (const bad of ['1.5', '-1', '', '1e3', '10 sats']) {
      assert.throws(
        () => parseSats(bad),
        (error) => isChainopsError(error, 'UNITS_INVALID_AMOUNT'),
      )
    }
  })

  it('formatSats writes the exact decimal string', () => {
    assert.equal(formatSats(21_000n), '21000')
    assert.equal(formatSats(0n), '0')
  })

  it('satsToMsat multiplies by 1000 and refuses negatives', () => {
    assert.equal(satsToMsat(21n), 21_000n)
    assert.throws(
      () => satsToMsat(-1n),
      (error) => isChainopsError(error, 'UNITS_INVALID_AMOUNT'),
    )
  })

  it('msatToSats rounds down and returns the remainder', () => {
    assert.deepEqual(msatToSats(1_999n), { sats: 1n, remainderMsat: 999n })
    assert.deepEqual(msatToSats(2_000n), { sats: 2n, remainderMsat: 0n })
    assert.deepEqual(msatToSats(999n), { sats: 0n, remainderMsat: 999n })
    assert.throws(
      () => msatToSats(-1n),
      (error) => isChainopsError(error, 'UNITS_INVALID_AMOUNT') && error.shortMessage === 'Invalid msat amount',
    )
  })
})
