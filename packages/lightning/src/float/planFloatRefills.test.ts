import assert from 'node:assert/strict'
import { WEI_PER_COIN } from '@chainops/core'
import { describe, it } from 'mocha'
import { type Address, getAddress, parseTransaction } from 'viem'
import type { OperatorFloat } from './getOperatorFloat.ts'
import type { OperatorFloats } from './getOperatorFloats.ts'
import { planFloatRefills } from './planFloatRefills.ts'

const keyA = getAddress('0x00000000000000000000000000000000000000aa')
const keyB = getAddress('0x00000000000000000000000000000000000000bb')
const keyC = getAddress('0x00000000000000000000000000000000000000cc')
const cold = getAddress('0x000000000000000000000000000000000000c01d')

function float(operator: Address, balanceCoins: bigint): OperatorFloat {
  return {
    operator,
    balanceWei: balanceCoins * WEI_PER_COIN,
    mints: 0,
    burnedWei: 0n,
    spanMs: 1000,
    burnWeiPerDay: 0n,
    runwaySeconds: undefined,
    at: '2025-01-01T00:00:00.000Z',
  }
}

function floats(...keys: OperatorFloat[]): OperatorFloats {
  const balanceWei = keys.reduce((sum, key) => sum + key.balanceWei, 0n)
  return {
    keys,
    total: { balanceWei, mints: 0, burnedWei: 0n, burnWeiPerDay: 0n, runwaySeconds: undefined },
    at: '2025-01-01T00:00:00.000Z',
  }
}

const common = {
  coldWallet: cold,
  chainId: 2789,
  coldNonce: 7,
  maxFeePerGas: 3_000_000_000n,
  maxPriorityFeePerGas: 1_000_000_000n,
  targetWei: 1000n * WEI_PER_COIN,
}

describe('planFloatRefills: the refill plan of every sending key', () => {
  it('every key above its threshold: ok, no proposal', () => {
    const plan = planFloatRefills({ ...common, floats: floats(float(keyA, 900n), float(keyB, 600n)) })
    assert.equal(plan.status, 'ok')
    assert.deepEqual(
      plan.keys.map((key) => [key.operator, key.status, key.proposal]),
      [
        [keyA, 'ok', undefined],
        [keyB, 'ok', undefined],
      ],
    )
    assert.equal(plan.totalRefillWei, 0n)
  })

  it('each key that runs low gets its own top-up to the target, with consecutive cold nonces in key order', () => {
    const plan = planFloatRefills({
      ...common,
      floats: floats(float(keyA, 100n), float(keyB, 900n), float(keyC, 0n)),
    })
    assert.equal(plan.status, 'low')
    assert.deepEqual(
      plan.keys.map((key) => key.status),
      ['low', 'ok', 'low'],
    )
    const [a, b, c] = plan.keys
    assert.equal(b?.proposal, undefined)
    assert.deepEqual(
      [a?.proposal?.to, a?.proposal?.valueWei, a?.proposal?.transaction.nonce],
      [keyA, 900n * WEI_PER_COIN, 7],
    )
    assert.deepEqual(
      [c?.proposal?.to, c?.proposal?.valueWei, c?.proposal?.transaction.nonce],
      [keyC, 1000n * WEI_PER_COIN, 8],
    )
    const unsigned = parseTransaction(c?.proposal?.unsignedTx as `0x${string}`)
    assert.equal(unsigned.nonce, 8)
    assert.equal(unsigned.to?.toLowerCase(), keyC.toLowerCase())
    assert.equal(plan.totalRefillWei, 1900n * WEI_PER_COIN)
  })
})
