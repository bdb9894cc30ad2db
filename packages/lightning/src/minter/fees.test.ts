import assert from 'node:assert/strict'
import { bumpedFees } from './bumpedFees.ts'
import { feesFor } from './feesFor.ts'
import { GWEI } from './MinterGasSettings.ts'

describe('feesFor', () => {
  it('defaults to 3 x base fee + a 1 gwei tip', () => {
    assert.deepEqual(feesFor(7n * GWEI), { maxFeePerGas: 22n * GWEI, maxPriorityFeePerGas: GWEI })
  })
  it('a fixed cap wins over the base fee, and the tip never exceeds the cap', () => {
    assert.deepEqual(feesFor(100n * GWEI, { maxFeePerGas: 5n, maxPriorityFeePerGas: 9n }), {
      maxFeePerGas: 5n,
      maxPriorityFeePerGas: 5n,
    })
  })
  it('the ceiling caps a runaway base fee', () => {
    assert.deepEqual(feesFor(10_000n * GWEI, { maxFeePerGasCeiling: 50n * GWEI }), {
      maxFeePerGas: 50n * GWEI,
      maxPriorityFeePerGas: GWEI,
    })
  })
})

describe('bumpedFees', () => {
  it('raises cap and tip by 12.5% (rounded up), enough for geth 10% price bump', () => {
    assert.deepEqual(bumpedFees({ maxFeePerGas: 800n, maxPriorityFeePerGas: 80n }, 1n, { maxPriorityFeePerGas: 80n }), {
      maxFeePerGas: 900n,
      maxPriorityFeePerGas: 90n,
    })
  })
  it('follows a base fee that has run past the old cap', () => {
    assert.deepEqual(bumpedFees({ maxFeePerGas: 10n * GWEI, maxPriorityFeePerGas: GWEI }, 20n * GWEI), {
      maxFeePerGas: 61n * GWEI,
      maxPriorityFeePerGas: 1_125_000_000n,
    })
  })
  it("raises a tip below today's to today's (a mint signed under other settings), at most the cap", () => {
    assert.deepEqual(bumpedFees({ maxFeePerGas: 400_000_000n, maxPriorityFeePerGas: 1_000_000n }, 800_000_000n), {
      maxFeePerGas: 3_400_000_000n,
      maxPriorityFeePerGas: GWEI,
    })
  })
  it('gives up when the ceiling leaves no room for a 10% bump', () => {
    assert.equal(
      bumpedFees({ maxFeePerGas: 95n * GWEI, maxPriorityFeePerGas: GWEI }, GWEI, { maxFeePerGasCeiling: 100n * GWEI }),
      undefined,
    )
  })
})
