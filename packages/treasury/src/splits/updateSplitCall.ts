import { splitV2ABI } from '@0xsplits/splits-sdk/constants/abi'
import { type Address, encodeFunctionData } from 'viem'
import type { SafeCall } from '../safe/SafeCall.ts'
import type { SplitV2Params } from './SplitV2Params.ts'

/**
 * The call that replaces a split's recipients and allocations. Only the controller may make it,
 * and the controller is the reward Safe: propose it as a Safe transaction and gather M signatures.
 */
export function updateSplitCall(parameters: { split: Address; params: SplitV2Params }): SafeCall {
  return {
    to: parameters.split,
    value: 0n,
    data: encodeFunctionData({ abi: splitV2ABI, functionName: 'updateSplit', args: [parameters.params] }),
  }
}
