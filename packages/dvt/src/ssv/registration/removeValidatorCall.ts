import { type Address, encodeFunctionData, type Hex } from 'viem'
import { assertOperatorIds } from './assertOperatorIds.ts'
import { assertValidatorPublicKey } from './assertValidatorPublicKey.ts'
import type { SsvCluster } from './SsvCluster.ts'
import type { SsvNetworkCall } from './SsvNetworkCall.ts'
import { ssvNetworkAbi } from './ssvNetworkAbi.ts'

export type RemoveValidatorCallParameters = {
  /** The SSVNetwork proxy. */
  contract: Address
  publicKey: Hex
  /** The validator's cluster operators, strictly ascending. */
  operatorIds: readonly (bigint | number)[]
  /** The cluster's current snapshot. */
  cluster: SsvCluster
}

/** `removeValidator(bytes,uint64[],Cluster)` (selector 0x12b3fc19). The owner nonce is not given back. */
export function removeValidatorCall(parameters: RemoveValidatorCallParameters): SsvNetworkCall {
  return {
    to: parameters.contract,
    value: 0n,
    data: encodeFunctionData({
      abi: ssvNetworkAbi,
      functionName: 'removeValidator',
      args: [
        assertValidatorPublicKey(parameters.publicKey),
        assertOperatorIds(parameters.operatorIds),
        { ...parameters.cluster },
      ],
    }),
  }
}
