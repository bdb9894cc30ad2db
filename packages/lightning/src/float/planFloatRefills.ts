import type { Address } from 'viem'
import type { OperatorFloats } from './getOperatorFloats.ts'
import { type PlanFloatRefillParameters, type PlanFloatRefillReturnType, planFloatRefill } from './planFloatRefill.ts'

export type PlanFloatRefillsParameters = Omit<PlanFloatRefillParameters, 'float'> & {
  /** Every sending key's float (`getOperatorFloats`). */
  floats: OperatorFloats
}

export type PlanFloatRefillsReturnType = {
  /** `low` when any key is low. */
  status: 'ok' | 'low'
  /** Each key's plan (`planFloatRefill`, with each key's own target and threshold), in the order of `floats.keys`. */
  keys: Array<PlanFloatRefillReturnType & { operator: Address }>
  /** The sum of the proposed refills. */
  totalRefillWei: bigint
}

/**
 * The refill plan of every sending key: each key holds its own float (the plan's target and
 * threshold apply per key), and each key that runs low gets its own unsigned transfer from the
 * cold wallet, the proposals numbered with consecutive cold-wallet nonces from `coldNonce` in the
 * order of the keys, so that all of them can be signed and sent together.
 */
export function planFloatRefills(parameters: PlanFloatRefillsParameters): PlanFloatRefillsReturnType {
  const { floats, coldNonce, ...rest } = parameters
  let nonce = coldNonce
  let totalRefillWei = 0n
  const keys = floats.keys.map((float) => {
    const plan = planFloatRefill({ ...rest, float, coldNonce: nonce })
    if (plan.proposal) {
      nonce++
      totalRefillWei += plan.proposal.valueWei
    }
    return { operator: float.operator, ...plan }
  })
  return { status: keys.some((key) => key.status === 'low') ? 'low' : 'ok', keys, totalRefillWei }
}
