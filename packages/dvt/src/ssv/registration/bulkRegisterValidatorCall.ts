import { type Address, encodeFunctionData, type Hex, isHex } from 'viem'
import { assertOperatorIds } from './assertOperatorIds.ts'
import { assertUint256 } from './assertUint256.ts'
import { assertValidatorPublicKey } from './assertValidatorPublicKey.ts'
import type { SsvCluster } from './SsvCluster.ts'
import type { SsvNetworkCall } from './SsvNetworkCall.ts'
import { SsvRegistrationError } from './SsvRegistrationError.ts'
import { ssvNetworkAbi } from './ssvNetworkAbi.ts'

export type BulkRegisterValidatorCallParameters = {
  /** The SSVNetwork proxy. */
  contract: Address
  /** The validators, each with its own `sharesData`, in the order of their owner nonces. */
  validators: readonly { readonly publicKey: Hex; readonly sharesData: Hex }[]
  /** The cluster's operators, strictly ascending. */
  operatorIds: readonly (bigint | number)[]
  /** SSV (wei) to deposit into the cluster with this call; the owner must have approved it. */
  amount: bigint
  /** The cluster's current snapshot (`emptySsvCluster` for a new cluster). */
  cluster: SsvCluster
}

/**
 * `bulkRegisterValidator(bytes[],uint64[],bytes[],uint256,Cluster)` (selector 0x22f18bf5): several
 * validators of one cluster in one transaction. Public keys must be distinct.
 */
export function bulkRegisterValidatorCall(parameters: BulkRegisterValidatorCallParameters): SsvNetworkCall {
  const { contract, cluster, validators } = parameters
  if (validators.length === 0) {
    throw new SsvRegistrationError({
      code: 'SSV_REGISTRATION_KEYSHARES',
      shortMessage: 'no validators to register (SSVNetwork reverts EmptyPublicKeysList)',
    })
  }
  const publicKeys = validators.map((validator) => assertValidatorPublicKey(validator.publicKey))
  const repeated = publicKeys.find((key, position) => publicKeys.indexOf(key) !== position)
  if (repeated) {
    throw new SsvRegistrationError({
      code: 'SSV_REGISTRATION_KEYSHARES',
      shortMessage: `validator ${repeated} is twice in one bulk registration`,
    })
  }
  const sharesData = validators.map((validator, position) => {
    if (!isHex(validator.sharesData, { strict: true }) || validator.sharesData.length <= 2) {
      throw new SsvRegistrationError({
        code: 'SSV_REGISTRATION_KEYSHARES',
        shortMessage: `validator ${position}: sharesData is not non-empty 0x hex`,
      })
    }
    return validator.sharesData
  })
  return {
    to: contract,
    value: 0n,
    data: encodeFunctionData({
      abi: ssvNetworkAbi,
      functionName: 'bulkRegisterValidator',
      args: [
        publicKeys,
        assertOperatorIds(parameters.operatorIds),
        sharesData,
        assertUint256(parameters.amount, 'amount'),
        { ...cluster },
      ],
    }),
  }
}
