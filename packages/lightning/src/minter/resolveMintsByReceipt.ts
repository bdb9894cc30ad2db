import { classifyMintOutcome } from './classifyMintOutcome.ts'
import { findMintReceipt } from './findMintReceipt.ts'
import type { MinterContext } from './MinterContext.ts'
import type { MintJob } from './MintJob.ts'
import { type MintSettlement, settleMints } from './settleMints.ts'

/**
 * Looks the receipts of jobs up (50 at a time) and settles those that have one; with the sender's
 * `latest` nonce, a job whose nonce is below it and has no receipt is settled as a nonce conflict.
 * Jobs settled meanwhile by someone else (the block watcher) are skipped.
 */
export async function resolveMintsByReceipt(
  context: Pick<MinterContext, 'store' | 'client' | 'address' | 'logger' | 'tracker' | 'counters'>,
  candidates: readonly MintJob[],
  chainLatestNonce: bigint | undefined,
): Promise<void> {
  const settlements: MintSettlement[] = []
  for (let start = 0; start < candidates.length; start += 50) {
    const slice = candidates.slice(start, start + 50)
    const found = await Promise.all(slice.map((job) => findMintReceipt(context.client, job)))
    slice.forEach((job, index) => {
      if (!context.tracker.job(job.paymentHash)) return
      const settled = classifyMintOutcome({
        paymentHash: job.paymentHash,
        nonce: job.nonce,
        from: context.address,
        receipt: found[index],
        chainLatestNonce,
        at: new Date().toISOString(),
      })
      if (settled) settlements.push({ job, ...settled })
    })
  }
  await settleMints(context, settlements)
}
