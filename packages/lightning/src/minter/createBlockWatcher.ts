import { getBlockNumber, getTransactionCount } from 'viem/actions'
import type { MintBroadcaster } from './createMintBroadcaster.ts'
import { journalFeeBump } from './journalFeeBump.ts'
import type { MinterContext } from './MinterContext.ts'
import type { MintJob } from './MintJob.ts'
import { planFeeBumps } from './planFeeBumps.ts'
import { refreshBaseFee } from './refreshBaseFee.ts'
import { resolveMintsByReceipt } from './resolveMintsByReceipt.ts'
import { scanBlockReceipts } from './scanBlockReceipts.ts'
import { signMints } from './signMints.ts'

export type BlockWatcher = {
  /** Polls from now on, every `pollIntervalMs`; a failed round is logged and retried. */
  start(): void
  /** Stops polling; resolves once the round in progress (if any) is over. */
  stop(): Promise<void>
  /** One round now, for a caller that runs its own loop (the receipt watcher); rejects when it fails. */
  round(): Promise<void>
}

/**
 * Drives the tracked mints to an outcome, once per new block (up to 50 blocks a round, lagging
 * `confirmations` behind the head): matches each block's receipts, then
 * - settles by receipt the jobs whose nonce the chain used by the last scanned block without a
 *   matching receipt (a variant mined in a block scanned before it was tracked, or a conflict);
 * - sends again the jobs the node's pool lacks (nonce at or above its `pending` count, not sent
 *   for `resendAfterMs`: a restarted node, a dropped transaction);
 * - fee-bumps the jobs whose cap the base fee overtook (`planFeeBumps`): re-signed at the same
 *   nonce, journaled (`journalFeeBump`), and only then sent.
 */
export function createBlockWatcher(
  context: MinterContext,
  broadcaster: MintBroadcaster,
  pollIntervalMs: number,
): BlockWatcher {
  const { client, address, tracker, logger } = context
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let ticking: Promise<void> = Promise.resolve()

  const housekeeping = async (head: bigint) => {
    if (tracker.size === 0) return
    const [pending, minedThrough] = await Promise.all([
      getTransactionCount(client, { address, blockTag: 'pending' }).then(BigInt),
      getTransactionCount(client, { address, blockNumber: context.lastScanned }).then(BigInt),
    ])
    const open = tracker.byNonce()
    // Nonces the chain used by the last scanned block whose mint no scanned receipt matched.
    const displaced = open.filter((job) => job.nonce < minedThrough)
    if (displaced.length > 0) await resolveMintsByReceipt(context, displaced, minedThrough)
    // The pool lacks our nonces from `pending` on (a restarted node, a dropped transaction).
    const now = Date.now()
    const lost = open.filter(
      (job) =>
        tracker.job(job.paymentHash) !== undefined &&
        !job.sending &&
        job.nonce >= pending &&
        now - job.lastSentAt >= context.resendAfterMs,
    )
    if (lost.length > 0) void broadcaster.send(lost.slice(0, 1000), 'again')
    // Fee caps the base fee has overtaken: re-sign the same nonce higher, journal, then send.
    const plan = planFeeBumps({
      jobs: open.filter((job) => tracker.job(job.paymentHash) !== undefined),
      baseFeePerGas: context.baseFee,
      head,
      bumpAfterBlocks: context.bumpAfterBlocks,
      settings: context.gasSettings,
    })
    const bumped: MintJob[] = []
    for (const { job, fees } of plan) {
      const [variant] = await signMints(context, [job], fees)
      if (!variant) continue
      if (!(await journalFeeBump(context.store, job.paymentHash, variant))) continue
      tracker.addVariant(job, variant)
      job.signedAtBlock = head
      context.counters.feeBumps++
      bumped.push(job)
    }
    if (bumped.length > 0) void broadcaster.send(bumped, 'again')
  }

  const tick = async () => {
    const head = await getBlockNumber(client, { cacheTime: 0 })
    const target = head - context.confirmations
    if (target <= context.lastScanned) return
    await refreshBaseFee(context)
    const last = context.lastScanned + 50n
    for (let number = context.lastScanned + 1n; number <= target && number <= last; number++) {
      await scanBlockReceipts(context, number)
      context.lastScanned = number
    }
    await housekeeping(head)
  }

  const schedule = () => {
    if (stopped) return
    timer = setTimeout(() => {
      ticking = tick()
        .catch((error) => logger.warn('block watcher round failed; retrying', { error }))
        .finally(schedule)
    }, pollIntervalMs)
  }

  return {
    start: schedule,
    round: tick,
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      await ticking
    },
  }
}
