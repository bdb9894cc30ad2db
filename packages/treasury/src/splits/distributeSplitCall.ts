import { splitV2ABI } from '@0xsplits/splits-sdk/constants/abi'
import { type Address, encodeFunctionData } from 'viem'
import type { SafeCall } from '../safe/SafeCall.ts'
import type { SplitV2Params } from './SplitV2Params.ts'

export type DistributeSplitCallParameters = {
  split: Address
  params: SplitV2Params
  /** An ERC-20, or `splitsNativeToken` for ETH. */
  token: Address
  /** Receives the distribution incentive. */
  distributor: Address
  /**
   * Distribute exactly this much (`distribute(split, token, amount, false, distributor)`).
   * Without it, the split's whole balance minus the 1 wei SplitsV2 keeps behind.
   */
  amount?: bigint
}

/** The distribute call, for a Safe batch or for an EOA to send (distribute is permissionless). */
export function distributeSplitCall(parameters: DistributeSplitCallParameters): SafeCall {
  const { split, params, token, distributor, amount } = parameters
  const data =
    amount === undefined
      ? encodeFunctionData({ abi: splitV2ABI, functionName: 'distribute', args: [params, token, distributor] })
      : encodeFunctionData({
          abi: splitV2ABI,
          functionName: 'distribute',
          args: [params, token, amount, false, distributor],
        })
  return { to: split, value: 0n, data }
}
