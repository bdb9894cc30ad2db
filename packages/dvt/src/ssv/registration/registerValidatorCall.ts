import { type Address, encodeFunctionData, type Hex, isHex } from 'viem'
import { assertOperatorIds } from './assertOperatorIds.ts'
import { assertUint256 } from './assertUint256.ts'
import { assertValidatorPublicKey } from './assertValidatorPublicKey.ts'
import type { SsvCluster } from './SsvCluster.ts'
import type { SsvNetworkCall } from './SsvNetworkCall.ts'
import { SsvRegistrationError } from './SsvRegistrationError.ts'
import { ssvNetworkAbi } from './ssvNetworkAbi.ts'

export type RegisterValidatorCallParameters = {
  /** The SSVNetwork proxy. */
  contract: Address
  /** The validator's 48-byte BLS public key. */
  publicKey: Hex
  /** The cluster's operators, strictly ascending. */
  operatorIds: readonly (bigint | number)[]
  /** The keyshares payload's `sharesData` (signature, share public keys, encrypted shares). */
  sharesData: Hex
  /** SSV (wei) to deposit into the cluster with this call; the owner must have approved it. */
  amount: bigint
  /** The cluster's current snapshot (`emptySsvCluster` for a new cluster). */
  cluster: SsvCluster
}

/** `registerValidator(bytes,uint64[],bytes,uint256,Cluster)` (selector 0x06e8fb9c) for one validator. */
export function registerValidatorCall(parameters: RegisterValidatorCallParameters): SsvNetworkCall {
  const { contract, cluster } = parameters
  const publicKey = assertValidatorPublicKey(parameters.publicKey)
  const operatorIds = assertOperatorIds(parameters.operatorIds)
  const amount = assertUint256(parameters.amount, 'amount')
  assertSharesData(parameters.sharesData)
  return {
    to: contract,
    value: 0n,
    data: encodeFunctionData({
      abi: ssvNetworkAbi,
      functionName: 'registerValidator',
      args: [publicKey, operatorIds, parameters.sharesData, amount, { ...cluster }],
    }),
  }
}

function assertSharesData(sharesData: Hex): void {
  if (!isHex(sharesData, { strict: true }) || sharesData.length <= 2) {
    throw new SsvRegistrationError({
      code: 'SSV_REGISTRATION_KEYSHARES',
      shortMessage: 'sharesData is not non-empty 0x hex',
    })
  }
}
