import {
  type Address,
  getAddress,
  type Hex,
  isAddress,
  serializeTransaction,
  type TransactionSerializableEIP1559,
} from 'viem'
import { LightningError } from '../errors/LightningError.ts'
import { MONTHLY_FLOAT_WEI, PLAN_MONTH_SECONDS } from './floatPlan.ts'
import type { OperatorFloat } from './getOperatorFloat.ts'

export type PlanFloatRefillParameters = {
  float: OperatorFloat
  /** Where refills come from (seed: the cold wallet holding the reserve). */
  coldWallet: Address
  chainId: number
  /** The cold wallet's next nonce, for the unsigned transaction. */
  coldNonce: number
  /** Fees of the unsigned transaction (its signer may re-price it). */
  maxFeePerGas: bigint
  maxPriorityFeePerGas: bigint
  /** What a refill tops the operator up to: default the monthly float, 30M coins. */
  targetWei?: bigint | undefined
  /** Below this balance the float is low: default a quarter of the target (about a week of the plan). */
  thresholdWei?: bigint | undefined
  /** Below this runway (at the measured burn) the float is low too: default 7 days. */
  minRunwaySeconds?: bigint | undefined
}

export type FloatRefillProposal = {
  from: Address
  to: Address
  valueWei: bigint
  /** EIP-1559 fields of the transfer, for the cold wallet's signer. */
  transaction: TransactionSerializableEIP1559 & { from: Address }
  /** The same, serialized unsigned (0x02 || rlp(...) without a signature): sign it offline. */
  unsignedTx: Hex
}

export type PlanFloatRefillReturnType = {
  status: 'ok' | 'low'
  /** Why it is low, and anything about the plan worth an operator's look. */
  warnings: string[]
  /** Present when low: a transfer cold wallet -> operator topping it up to the target. Never signed here. */
  proposal: FloatRefillProposal | undefined
}

function invalid(details: string): LightningError {
  return new LightningError({
    code: 'MINT_FLOAT_INVALID_PARAMETERS',
    shortMessage: 'Invalid float refill parameters',
    details,
  })
}

/**
 * Decides whether the operator float is low and proposes the refill the source's plan describes:
 * the operator holds a month of issuance (30M coins) and is topped up from the cold wallet when it
 * runs low. The proposal is an UNSIGNED transfer: the cold wallet's key never comes near this code.
 */
export function planFloatRefill(parameters: PlanFloatRefillParameters): PlanFloatRefillReturnType {
  const { float, chainId, coldNonce, maxFeePerGas, maxPriorityFeePerGas } = parameters
  const targetWei = parameters.targetWei ?? MONTHLY_FLOAT_WEI
  const thresholdWei = parameters.thresholdWei ?? targetWei / 4n
  const minRunwaySeconds = parameters.minRunwaySeconds ?? 7n * 86_400n
  if (!isAddress(parameters.coldWallet, { strict: false })) throw invalid('coldWallet is not an address')
  if (!Number.isSafeInteger(chainId) || chainId < 1) throw invalid('chainId is a positive integer')
  if (!Number.isSafeInteger(coldNonce) || coldNonce < 0) throw invalid('coldNonce is a whole number')
  if (targetWei <= 0n || thresholdWei < 0n || thresholdWei > targetWei)
    throw invalid('targetWei is positive and thresholdWei between 0 and targetWei')
  if (maxPriorityFeePerGas < 0n || maxFeePerGas < maxPriorityFeePerGas) throw invalid('fees: 0 <= tip <= fee cap')
  const coldWallet = getAddress(parameters.coldWallet)
  const operator = getAddress(float.operator)

  const warnings: string[] = []
  if (float.balanceWei < thresholdWei)
    warnings.push(`operator balance ${float.balanceWei} wei is below the threshold ${thresholdWei} wei`)
  if (float.runwaySeconds !== undefined && float.runwaySeconds < minRunwaySeconds)
    warnings.push(`runway ${float.runwaySeconds} s at the measured burn is below ${minRunwaySeconds} s`)
  const low = warnings.length > 0
  const monthlyBurn = (float.burnWeiPerDay * PLAN_MONTH_SECONDS) / 86_400n
  if (monthlyBurn > targetWei)
    warnings.push(
      `measured burn is ${monthlyBurn} wei a month, above the plan's ${targetWei}: refills will come more often than monthly`,
    )
  if (!low || float.balanceWei >= targetWei) return { status: low ? 'low' : 'ok', warnings, proposal: undefined }

  const valueWei = targetWei - float.balanceWei
  const transaction = {
    type: 'eip1559' as const,
    chainId,
    nonce: coldNonce,
    to: operator,
    value: valueWei,
    gas: 21_000n,
    maxFeePerGas,
    maxPriorityFeePerGas,
  }
  return {
    status: 'low',
    warnings,
    proposal: {
      from: coldWallet,
      to: operator,
      valueWei,
      transaction: { ...transaction, from: coldWallet },
      unsignedTx: serializeTransaction(transaction),
    },
  }
}
