import { getBlock } from 'viem/actions'
import type { MinterContext } from './MinterContext.ts'

/** Reads the latest block's base fee into the context (kept as it was when the block has none). */
export async function refreshBaseFee(context: Pick<MinterContext, 'client' | 'baseFee'>): Promise<void> {
  const block = await getBlock(context.client, { blockTag: 'latest' })
  if (typeof block.baseFeePerGas === 'bigint') context.baseFee = block.baseFeePerGas
}
