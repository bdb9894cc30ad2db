import assert from 'node:assert/strict'
import { WEI_PER_COIN } from '@chainops/core'
import { CliqueError } from '../errors/CliqueError.ts'
import { planSupply } from './planSupply.ts'

describe('planSupply', () => {
  const plan = planSupply()

  it('reproduces the source arithmetic: 0.01 x 1000 x (60x60x24x30x12x100) = 31,104,000,000 coins', () => {
    assert.equal(plan.spendOverHorizonWei, 31_104_000_000n * WEI_PER_COIN)
    assert.equal(plan.spendPerRefillWei, 25_920_000n * WEI_PER_COIN)
    assert.equal(plan.totalSupplyWei, 30_060_000_000n * WEI_PER_COIN)
    assert.equal(plan.operatorLossCapWei, 300_600_000n * WEI_PER_COIN)
  })

  it('says the 100-year issuance exceeds the 30 billion cold wallet, and that the years are 360 days', () => {
    assert.deepEqual(
      plan.findings.map((f) => [f.code, f.severity]),
      [
        ['HORIZON_EXCEEDS_COLD_WALLET', 'warning'],
        ['YEAR_IS_360_DAYS', 'info'],
        ['FLOAT_COVERS_REFILL_PERIOD', 'info'],
        ['OPERATOR_LOSS_WITHIN_CAP', 'info'],
        ['FEES_LEAVE_CIRCULATION', 'info'],
      ],
    )
    assert.equal(
      plan.findings[0]?.message,
      '1000 TPS x 0.01 coin x 100 years of 360 days = 31,104,000,000 coins, 1,074,000,000 more than the cold wallet and float hold (30,030,000,000); they last 96.55 years, not 100.',
    )
    assert.equal(
      plan.findings[1]?.message,
      'the horizon uses 360-day years (30 x 12); with 365-day years it is 31,536,000,000 coins.',
    )
    assert.equal(
      plan.findings[2]?.message,
      '30 days at 1000 TPS spend 25,920,000 coins; the float of 30,000,000 covers 34.7 days.',
    )
    assert.equal(
      plan.findings[3]?.message,
      'a stolen operator float loses 30,000,000 coins, 0.100% of supply, within the 1% cap (300,600,000 coins).',
    )
  })

  it('flags a float above the loss cap and one that does not last a refill period', () => {
    const risky = planSupply({ coldWalletCoins: 1_000_000_000n, operatorFloatCoins: 20_000_000n, emergencyWallets: 0 })
    const codes = risky.findings.map((f) => f.code)
    assert.ok(codes.includes('OPERATOR_LOSS_OVER_CAP'))
    assert.ok(codes.includes('FLOAT_SHORT_OF_REFILL_PERIOD'))
  })

  it('refuses negative wallets and zero-day years with CLIQUE_PLAN_INVALID', () => {
    assert.throws(
      () => planSupply({ emergencyWallets: -1 }),
      (e: unknown) => e instanceof CliqueError && e.code === 'CLIQUE_PLAN_INVALID',
    )
    assert.throws(
      () => planSupply({ daysPerYear: 0 }),
      (e: unknown) => e instanceof CliqueError && e.code === 'CLIQUE_PLAN_INVALID',
    )
    assert.throws(
      () => planSupply({ coldWalletCoins: -1n }),
      (e: unknown) => e instanceof CliqueError && e.code === 'CLIQUE_PLAN_INVALID',
    )
  })
})
