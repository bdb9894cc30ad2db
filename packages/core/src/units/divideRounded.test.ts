import assert from 'node:assert/strict'
import { divideRounded } from './divideRounded.ts'
import type { Rounding } from './Rounding.ts'

describe('divideRounded', () => {
  // [numerator, denominator, floor, ceil, trunc, round, halfEven]
  const table: [bigint, bigint, bigint, bigint, bigint, bigint, bigint][] = [
    [7n, 2n, 3n, 4n, 3n, 4n, 4n],
    [5n, 2n, 2n, 3n, 2n, 3n, 2n],
    [-5n, 2n, -3n, -2n, -2n, -3n, -2n],
    [-7n, 2n, -4n, -3n, -3n, -4n, -4n],
    [10n, 3n, 3n, 4n, 3n, 3n, 3n],
    [11n, 3n, 3n, 4n, 3n, 4n, 4n],
    [-11n, 3n, -4n, -3n, -3n, -4n, -4n],
    [6n, 3n, 2n, 2n, 2n, 2n, 2n],
    [0n, 5n, 0n, 0n, 0n, 0n, 0n],
  ]
  const modes: Rounding[] = ['floor', 'ceil', 'trunc', 'round', 'halfEven']
  for (const [n, d, ...expected] of table) {
    it(`${n}/${d} rounds to ${expected.join(', ')} (${modes.join(', ')})`, () => {
      assert.deepEqual(
        modes.map((mode) => divideRounded(n, d, mode)),
        expected,
      )
    })
  }
})
