import { type Address, encodeFunctionData, erc20Abi } from 'viem'
import type { SafeCall } from '../safe/SafeCall.ts'
import { distributeSplitCall } from '../splits/distributeSplitCall.ts'
import type { SplitV2Params } from '../splits/SplitV2Params.ts'
import { splitsNativeToken } from '../splits/splitsNativeToken.ts'

export type RewardRouteCallsParameters = {
  split: { address: Address; params: SplitV2Params }
  /** An ERC-20 the Safe holds; absent for ETH. */
  token?: Address | undefined
  /** What to route, in wei or token units. */
  amount: bigint
  /** Receives the split's distribution incentive. */
  distributor: Address
}

/**
 * The two calls of one reward route, in order: fund the split with `amount` (an ETH transfer or
 * an ERC-20 `transfer`), then distribute exactly that `amount` to the recipients. Batched by the
 * Safe through MultiSendCallOnly, they succeed or revert together.
 */
export function rewardRouteCalls(parameters: RewardRouteCallsParameters): SafeCall[] {
  const { split, token, amount, distributor } = parameters
  const fund: SafeCall = token
    ? {
        to: token,
        value: 0n,
        data: encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [split.address, amount] }),
      }
    : { to: split.address, value: amount, data: '0x' }
  const distribute = distributeSplitCall({
    split: split.address,
    params: split.params,
    token: token ?? splitsNativeToken,
    distributor,
    amount,
  })
  return [fund, distribute]
}
