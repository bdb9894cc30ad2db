import assert from 'node:assert/strict'
import { CliqueError } from '../errors/CliqueError.ts'
import { type PlanCapacityParameters, planCapacity } from './planCapacity.ts'

describe('planCapacity', () => {
  it('sizes the source plan (1000 TPS, 5 s blocks, transfers) at 105M gas, 126M with 20% headroom', () => {
    const plan = planCapacity({ tps: 1000, period: 5 })
    assert.equal(plan.requiredGasPerBlock, 105_000_000n)
    assert.equal(plan.gasLimit, 126_000_000n)
    assert.equal(plan.headroomGas, 21_000_000n)
    assert.equal(plan.transactionsPerBlock, 6000n)
    assert.equal(plan.maxTps, '1,200.00')
  })

  it('rounds the gas limit up and takes a heavier transaction', () => {
    const plan = planCapacity({ tps: 7, period: 2, gasPerTx: 50_001n, headroomPercent: 15 })
    assert.equal(plan.requiredGasPerBlock, 700_014n)
    assert.equal(plan.gasLimit, 805_017n) // 805016.1 rounded up
    assert.equal(plan.transactionsPerBlock, 16n)
  })

  const bad: [string, Partial<PlanCapacityParameters>, string][] = [
    ['tps 0', { tps: 0 }, 'tps'],
    ['a fractional period', { period: 0.5 }, 'period'],
    ['gasPerTx below 21000', { gasPerTx: 20_999n }, 'gasPerTx'],
    ['negative headroom', { headroomPercent: -1 }, 'headroomPercent'],
    ['a gas limit geth cannot take', { tps: 2 ** 50, period: 10_000 }, 'tps'],
  ]
  for (const [name, override, path] of bad) {
    it(`refuses ${name} with CLIQUE_PLAN_INVALID at ${path}`, () => {
      assert.throws(
        () => planCapacity({ tps: 1000, period: 5, ...override }),
        (e: unknown) => e instanceof CliqueError && e.code === 'CLIQUE_PLAN_INVALID' && e.path === path,
      )
    })
  }
})
