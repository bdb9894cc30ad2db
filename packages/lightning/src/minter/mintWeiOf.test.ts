import assert from 'node:assert/strict'
import { Rational } from '@chainops/core'
import { mintWeiOf } from './mintWeiOf.ts'

describe('mintWeiOf', () => {
  const cases: Array<{ name: string; receivedMsat: bigint; rate: string; wei: bigint }> = [
    { name: 'whole sats at an integer rate', receivedMsat: 21_000n, rate: '10000000000/1', wei: 210_000_000_000n },
    { name: 'an overpayment of 999 msat counts to the msat', receivedMsat: 1_999n, rate: '1000/1', wei: 1_999n },
    { name: 'a fraction of a wei is floored, never rounded up', receivedMsat: 1n, rate: '2/3', wei: 0n },
    {
      name: 'a rational rate stays exact over large amounts',
      receivedMsat: 3_000_000_001n,
      rate: '1/3',
      wei: 1_000_000n,
    },
    { name: 'a rate with a 10^-9 denominator', receivedMsat: 123_456_789n, rate: '7/1000000000', wei: 0n },
    { name: 'one bitcoin at 10^10 wei per sat', receivedMsat: 100_000_000_000n, rate: '10000000000', wei: 10n ** 18n },
  ]
  for (const { name, receivedMsat, rate, wei } of cases) {
    it(`${name}: ${receivedMsat} msat at ${rate} -> ${wei} wei`, () => {
      assert.equal(mintWeiOf({ receivedMsat, rate: Rational.fromString(rate) }), wei)
    })
  }
})
