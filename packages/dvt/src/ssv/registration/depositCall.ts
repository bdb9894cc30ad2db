import { type Address, encodeFunctionData } from 'viem'
import { assertOperatorIds } from './assertOperatorIds.ts'
import { assertUint256 } from './assertUint256.ts'
import type { SsvCluster } from './SsvCluster.ts'
import type { SsvNetworkCall } from './SsvNetworkCall.ts'
import { ssvNetworkAbi } from './ssvNetworkAbi.ts'

export type DepositCallParameters = {
  /** The SSVNetwork proxy. */
  contract: Address
  /** The cluster's owner (anyone may deposit into anyone's cluster). */
  owner: Address
  operatorIds: readonly (bigint | number)[]
  /** SSV (wei); the sender must have approved it to the contract. */
  amount: bigint
  /** The cluster's current snapshot. */
  cluster: SsvCluster
}

/** `deposit(address,uint64[],uint256,Cluster)` (selector 0xbc26e7e5): SSV into a cluster's balance. */
export function depositCall(parameters: DepositCallParameters): SsvNetworkCall {
  return {
    to: parameters.contract,
    value: 0n,
    data: encodeFunctionData({
      abi: ssvNetworkAbi,
      functionName: 'deposit',
      args: [
        parameters.owner,
        assertOperatorIds(parameters.operatorIds),
        assertUint256(parameters.amount, 'amount'),
        { ...parameters.cluster },
      ],
    }),
  }
}
