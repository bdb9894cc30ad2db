import { getTransactionCount, sendRawTransaction } from 'viem/actions'
import { classifyBroadcastError } from './classifyBroadcastError.ts'
import { currentMintVariant } from './currentMintVariant.ts'
import type { MinterContext } from './MinterContext.ts'
import type { MintJob } from './MintJob.ts'
import { mintJobToRow } from './mintJobToRow.ts'
import { resolveMintsByReceipt } from './resolveMintsByReceipt.ts'

export type MintBroadcaster = {
  /**
   * Sends the current variant of each journaled job (`first`: just journaled; `again`: a
   * rebroadcast or fee bump) in the background; resolves once the node has answered them all.
   * Never rejects: a failed round leaves the jobs journaled, to be sent again.
   */
  send(jobs: readonly MintJob[], kind: 'first' | 'again'): Promise<void>
  /** Resolves once every broadcast started so far has been answered. */
  flush(): Promise<void>
}

/**
 * Broadcasts journaled mints and reads the node's answers (`classifyBroadcastError`): a known
 * transaction or an underpriced replacement needs nothing; "nonce too low" is settled by the
 * journaled variants' receipts (or as a nonce conflict), unless `settle` is false; an unreachable node leaves the job to be
 * sent again at once by the block watcher; any other refusal is logged and retried later.
 */
export function createMintBroadcaster(
  context: MinterContext,
  /**
   * `settle: false` (a minter without a block watcher: the AWS consumer): a "nonce too low" is left
   * to the receipt watcher, the one writer of the key's outcomes, instead of being settled here.
   */
  options: { settle?: boolean | undefined } = {},
): MintBroadcaster {
  const settle = options.settle ?? true
  const { client, address, hooks, logger, counters } = context
  const inFlight = new Set<Promise<void>>()

  const send = (jobs: readonly MintJob[], kind: 'first' | 'again'): Promise<void> => {
    if (jobs.length === 0) return Promise.resolve()
    const now = Date.now()
    for (const job of jobs) {
      job.lastSentAt = now
      job.sending = true
    }
    const run = (async () => {
      const answers = await Promise.allSettled(
        jobs.map((job) => sendRawTransaction(client, { serializedTransaction: currentMintVariant(job).rawTx })),
      )
      const answeredAt = Date.now()
      for (const job of jobs) {
        job.sending = false
        job.lastSentAt = answeredAt
      }
      const check: MintJob[] = []
      const unavailable: MintJob[] = []
      answers.forEach((answer, index) => {
        const job = jobs[index] as MintJob
        if (kind === 'first') counters.broadcasts++
        else counters.rebroadcasts++
        if (answer.status === 'fulfilled') return
        const failure = classifyBroadcastError(answer.reason)
        if (failure === 'known' || failure === 'underpriced') return
        if (failure === 'nonceTooLow') check.push(job)
        else if (failure === 'unavailable') {
          job.lastSentAt = 0
          unavailable.push(job)
        } else
          logger.error('the node refused a journaled mint; it is sent again later', {
            paymentHash: job.paymentHash,
            nonce: job.nonce.toString(),
            error: answer.reason,
          })
      })
      if (unavailable.length > 0)
        logger.warn('broadcast failed; the mints stay journaled and are sent again', {
          count: unavailable.length,
          nonces: `${unavailable[0]?.nonce}..${unavailable[unavailable.length - 1]?.nonce}`,
          error: answers.find((answer) => answer.status === 'rejected')?.reason,
        })
      if (check.length > 0 && settle) {
        const latest = BigInt(await getTransactionCount(client, { address, blockTag: 'latest' }))
        await resolveMintsByReceipt(context, check, latest)
      }
      if (hooks.afterBroadcast) await hooks.afterBroadcast(jobs.map((job) => mintJobToRow(job, address)))
    })().catch((error) => {
      for (const job of jobs) {
        job.sending = false
        job.lastSentAt = 0
      }
      logger.warn('broadcast round failed; the mints stay journaled', { error })
    })
    inFlight.add(run)
    void run.finally(() => inFlight.delete(run))
    return run
  }

  return {
    send,
    async flush() {
      while (inFlight.size > 0) await Promise.all([...inFlight])
    },
  }
}
