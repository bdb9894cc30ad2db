import { BlockNotFoundError } from 'viem'
import { getBlockReceipts } from 'viem/actions'
import { classifyMintOutcome } from './classifyMintOutcome.ts'
import type { MinterContext } from './MinterContext.ts'
import { type MintSettlement, settleMints } from './settleMints.ts'

/**
 * Settles every tracked mint included in one block, from the block's receipts (one
 * `eth_getBlockReceipts` instead of a lookup per transaction). A block the node does not have
 * yet holds nothing: the watcher's nonce check finds any mint it missed.
 */
export async function scanBlockReceipts(context: MinterContext, blockNumber: bigint): Promise<void> {
  const { address, tracker } = context
  const sender = address.toLowerCase()
  let receipts: Awaited<ReturnType<typeof getBlockReceipts>>
  try {
    receipts = await getBlockReceipts(context.client, { blockNumber })
  } catch (error) {
    if (!(error instanceof BlockNotFoundError)) throw error
    receipts = []
  }
  const settlements: MintSettlement[] = []
  for (const receipt of receipts) {
    if (receipt.from.toLowerCase() !== sender) continue
    const job = tracker.byTxHash(receipt.transactionHash)
    if (!job || !tracker.isTracked(job)) continue
    const settled = classifyMintOutcome({
      paymentHash: job.paymentHash,
      nonce: job.nonce,
      from: address,
      receipt,
      at: new Date().toISOString(),
    })
    if (settled) settlements.push({ job, ...settled })
  }
  await settleMints(context, settlements)
}
