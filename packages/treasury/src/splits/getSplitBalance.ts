import { splitV2ABI } from '@0xsplits/splits-sdk/constants/abi'
import { type EthersProvider, toViemClient } from '@chainops/core/ethers'
import type { Address, PublicClient } from 'viem'

/** What a split holds of a token (or ETH, `splitsNativeToken`): in the split and in the warehouse. */
export async function getSplitBalance(parameters: {
  /** A viem public client or an ethers v6 provider. */
  publicClient: PublicClient | EthersProvider
  split: Address
  token: Address
}): Promise<{ split: bigint; warehouse: bigint }> {
  const [split, warehouse] = await toViemClient(parameters.publicClient).readContract({
    address: parameters.split,
    abi: splitV2ABI,
    functionName: 'getSplitBalance',
    args: [parameters.token],
  })
  return { split, warehouse }
}
