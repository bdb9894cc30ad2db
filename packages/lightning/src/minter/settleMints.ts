import type { MintOutcome } from './Minter.ts'
import type { MinterContext } from './MinterContext.ts'
import type { MintJob } from './MintJob.ts'
import { type MintOutcomeWrite, recordMintOutcome } from './recordMintOutcome.ts'

export type MintSettlement = { job: MintJob; write: MintOutcomeWrite; outcome: MintOutcome }

/**
 * Records the outcomes (journal row, and PAID -> MINTED for a successful receipt), then ends the
 * jobs in memory and answers their waiters. A crash in between only repeats the receipt lookup.
 */
export async function settleMints(
  context: Pick<MinterContext, 'store' | 'logger' | 'tracker' | 'counters'>,
  settlements: readonly MintSettlement[],
): Promise<void> {
  if (settlements.length === 0) return
  const { logger, tracker, counters } = context
  await recordMintOutcome({ store: context.store, writes: settlements.map((settlement) => settlement.write) })
  for (const { job, outcome } of settlements) {
    if (outcome.status === 'failed')
      logger.error('mint failed; the payment needs an operator', {
        paymentHash: job.paymentHash,
        code: outcome.code,
        reason: outcome.reason,
      })
    tracker.settle(job, outcome)
    if (outcome.status === 'minted') {
      counters.minted++
      logger.info('minted', {
        paymentHash: job.paymentHash,
        nonce: job.nonce.toString(),
        txHash: outcome.txHash,
        block: outcome.block.toString(),
      })
    } else {
      counters.failed++
      logger.warn('mint failed', { paymentHash: job.paymentHash, code: outcome.code, reason: outcome.reason })
    }
  }
}
