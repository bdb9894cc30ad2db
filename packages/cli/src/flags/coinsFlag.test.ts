import assert from 'node:assert/strict'
import { isChainopsError } from '@chainops/core'
import { coinsFlag } from './coinsFlag.ts'

describe('coinsFlag', () => {
  const good: [string, bigint][] = [
    ['30000000000', 30_000_000_000n * 10n ** 18n],
    ['30_000_000_000', 30_000_000_000n * 10n ** 18n],
    ['0.01', 10n ** 16n],
    ['0.000000000000000001', 1n],
  ]
  for (const [text, wei] of good) it(`reads ${text} coins as ${wei} wei`, () => assert.equal(coinsFlag(text, 'x'), wei))

  for (const text of ['', '-1', '1e18', '0x10', '1.0000000000000000001', 'ten']) {
    it(`refuses "${text}" as a usage error`, () => {
      assert.throws(
        () => coinsFlag(text, 'alloc'),
        (e: unknown) => isChainopsError(e, 'CLI_USAGE') && /--alloc/.test(e.shortMessage),
      )
    })
  }
})
