import assert from 'node:assert/strict'
import { describe, it } from 'mocha'
import { GWEI } from './MinterGasSettings.ts'
import type { MintTxVariant } from './MintJournalRow.ts'
import { planFeeBumps } from './planFeeBumps.ts'

function job(name: string, maxFeePerGas: bigint, signedAtBlock: bigint, maxPriorityFeePerGas = GWEI) {
  const variant: MintTxVariant = {
    rawTx: '0x02',
    txHash: `0x${'00'.repeat(32)}`,
    maxFeePerGas: maxFeePerGas.toString(),
    maxPriorityFeePerGas: maxPriorityFeePerGas.toString(),
    at: '2030-01-01T00:00:00.000Z',
  }
  return { name, variants: [variant], signedAtBlock }
}

describe('planFeeBumps', () => {
  it('bumps only jobs whose cap the base fee overtook, bumpAfterBlocks after their signature, at bumpedFees', () => {
    const jobs = [
      job('under the base fee, old enough', 10n * GWEI, 0n),
      job('under the base fee, signed too recently', 10n * GWEI, 8n),
      job('at the base fee', 20n * GWEI, 0n),
      job('under the base fee, exactly bumpAfterBlocks old', 5n * GWEI, 7n),
    ]
    const plan = planFeeBumps({ jobs, baseFeePerGas: 20n * GWEI, head: 10n, bumpAfterBlocks: 3n })
    assert.deepEqual(
      plan.map(({ job, fees }) => [job.name, fees]),
      [
        ['under the base fee, old enough', { maxFeePerGas: 61n * GWEI, maxPriorityFeePerGas: 1_125_000_000n }],
        [
          'under the base fee, exactly bumpAfterBlocks old',
          { maxFeePerGas: 61n * GWEI, maxPriorityFeePerGas: 1_125_000_000n },
        ],
      ],
    )
  })

  it('bumps the last variant (a job bumped before is bumped from its bump)', () => {
    const twice = job('bumped once', 4n * GWEI, 0n)
    twice.variants.push({ ...(twice.variants[0] as MintTxVariant), maxFeePerGas: (10n * GWEI).toString() })
    const [planned] = planFeeBumps({ jobs: [twice], baseFeePerGas: 11n * GWEI, head: 3n, bumpAfterBlocks: 3n })
    assert.equal(planned?.fees.maxFeePerGas, 34n * GWEI, 'max(12.5% over 10 gwei, 3 x 11 gwei + tip)')
  })

  it('skips a job the ceiling leaves no room for, and looks at no more than `limit` stuck jobs', () => {
    const ceiling = { maxFeePerGasCeiling: 100n * GWEI }
    const jobs = [job('no room', 95n * GWEI, 0n), job('room', 10n * GWEI, 0n), job('past the limit', 10n * GWEI, 0n)]
    const plan = planFeeBumps({
      jobs,
      baseFeePerGas: 200n * GWEI,
      head: 3n,
      bumpAfterBlocks: 3n,
      settings: ceiling,
      limit: 2,
    })
    assert.deepEqual(
      plan.map(({ job, fees }) => [job.name, fees.maxFeePerGas]),
      [['room', 100n * GWEI]],
    )
  })

  it('plans nothing while every cap is at or above the base fee', () => {
    assert.deepEqual(
      planFeeBumps({ jobs: [job('fine', GWEI, 0n)], baseFeePerGas: GWEI, head: 100n, bumpAfterBlocks: 3n }),
      [],
    )
  })
})
