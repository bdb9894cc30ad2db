import assert from 'node:assert/strict'
import { isChainopsError } from '@chainops/core'
import { allocFlag } from './allocFlag.ts'

const A = '0x96676ec1894Aa23B9BeB5b5cf35795Af02c7907a'

describe('allocFlag', () => {
  it('maps ADDRESS=COINS entries to balances in wei', () => {
    assert.deepEqual(allocFlag([`${A}=30000000000`, '0x0000000000000000000000000000000000000001=0.5']), {
      [A]: { balance: 30_000_000_000n * 10n ** 18n },
      '0x0000000000000000000000000000000000000001': { balance: 5n * 10n ** 17n },
    })
  })
  for (const bad of [[`${A}`], [`${A}=1=2`], ['0x12=1'], [`${A}=1`, `${A.toLowerCase()}=2`]]) {
    it(`refuses ${JSON.stringify(bad)}`, () =>
      assert.throws(
        () => allocFlag(bad),
        (e: unknown) => isChainopsError(e, 'CLI_USAGE'),
      ))
  }
})
