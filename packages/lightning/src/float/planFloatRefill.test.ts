import assert from 'node:assert/strict'
import { isChainopsError, WEI_PER_COIN } from '@chainops/core'
import { getAddress, parseTransaction } from 'viem'
import { MONTHLY_FLOAT_WEI } from './floatPlan.ts'
import type { OperatorFloat } from './getOperatorFloat.ts'
import { planFloatRefill } from './planFloatRefill.ts'

const operator = getAddress('0x00000000000000000000000000000000000000aa')
const cold = getAddress('0x000000000000000000000000000000000000c01d')

function float(balanceCoins: bigint, burnCoinsPerDay: bigint): OperatorFloat {
  const burnWeiPerDay = burnCoinsPerDay * WEI_PER_COIN
  const balanceWei = balanceCoins * WEI_PER_COIN
  return {
    operator,
    balanceWei,
    mints: 10,
    burnedWei: burnWeiPerDay,
    spanMs: 86_400_000,
    burnWeiPerDay,
    runwaySeconds: burnWeiPerDay === 0n ? undefined : (balanceWei * 86_400n) / burnWeiPerDay,
    at: '2025-01-01T00:00:00.000Z',
  }
}

const common = {
  coldWallet: cold,
  chainId: 2789,
  coldNonce: 7,
  maxFeePerGas: 3_000_000_000n,
  maxPriorityFeePerGas: 1_000_000_000n,
}

describe('planFloatRefill', () => {
  it('the plan float is 30M coins', () => {
    assert.equal(MONTHLY_FLOAT_WEI, 30_000_000n * 10n ** 18n)
  })

  it('a float above the threshold with a month of runway is ok and proposes nothing', () => {
    assert.deepEqual(planFloatRefill({ float: float(20_000_000n, 600_000n), ...common }), {
      status: 'ok',
      warnings: [],
      proposal: undefined,
    })
  })

  it('below a quarter of 30M coins it warns and proposes an unsigned top-up to 30M from the cold wallet', () => {
    const plan = planFloatRefill({ float: float(7_000_000n, 100_000n), ...common })
    assert.equal(plan.status, 'low')
    assert.deepEqual(plan.warnings, [
      `operator balance ${7_000_000n * WEI_PER_COIN} wei is below the threshold ${7_500_000n * WEI_PER_COIN} wei`,
    ])
    assert.ok(plan.proposal)
    assert.equal(plan.proposal.valueWei, 23_000_000n * WEI_PER_COIN)
    assert.equal(plan.proposal.from, cold)
    const decoded = parseTransaction(plan.proposal.unsignedTx)
    assert.deepEqual(
      { ...decoded },
      {
        type: 'eip1559',
        chainId: 2789,
        nonce: 7,
        to: operator.toLowerCase(),
        value: 23_000_000n * WEI_PER_COIN,
        gas: 21_000n,
        maxFeePerGas: 3_000_000_000n,
        maxPriorityFeePerGas: 1_000_000_000n,
      },
    )
    assert.equal('r' in decoded, false, 'the proposal carries no signature')
  })

  it('a short runway is low even above the balance threshold, and a burn above the plan is named', () => {
    const plan = planFloatRefill({ float: float(10_000_000n, 2_000_000n), ...common })
    assert.equal(plan.status, 'low')
    assert.deepEqual(plan.warnings, [
      `runway ${5n * 86_400n} s at the measured burn is below ${7n * 86_400n} s`,
      `measured burn is ${60_000_000n * WEI_PER_COIN} wei a month, above the plan's ${MONTHLY_FLOAT_WEI}: refills will come more often than monthly`,
    ])
    assert.equal(plan.proposal?.valueWei, 20_000_000n * WEI_PER_COIN)
  })

  it('refuses a threshold above the target', () => {
    assert.throws(
      () => planFloatRefill({ float: float(1n, 0n), ...common, targetWei: 10n, thresholdWei: 11n }),
      (error) => isChainopsError(error, 'MINT_FLOAT_INVALID_PARAMETERS'),
    )
  })
})
