import { createLogger, type Logger, type Queue } from '@chainops/core'
import type { Context, SQSBatchItemFailure, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda'
import type { Minter, MintOutcome } from '../minter/Minter.ts'
import { parseMintMessage } from '../pipeline/parseMintMessage.ts'

export type MintConsumerHandlerDeps = {
  /** The minter of this function's sending key, created with `lease: false` (the FIFO group is the single writer); started on the first event. */
  minter: Minter
  /** The queue the event source reads: malformed messages are dead-lettered through it, with the reason. */
  queue: Queue
  /** The longest a record waits for its receipt within one invocation (default 25 s). */
  settleTimeoutMs?: number | undefined
  /** Time left to the function's deadline that is never used for waiting (default 3 s). */
  deadlineMarginMs?: number | undefined
  logger?: Logger | undefined
}

export type MintConsumerHandler = (
  event: SQSEvent,
  context?: Pick<Context, 'getRemainingTimeInMillis'>,
) => Promise<SQSBatchResponse>

/**
 * The SQS consumer Lambda of the mint queue (FIFO, `ReportBatchItemFailures` on). Every record of
 * the batch goes through the same minter step as the embedded pipeline: parse (malformed ->
 * dead-letter with the reason, reported as handled), journal and broadcast all mints of the batch
 * at once, then wait for their receipts. A record is reported handled only when its invoice is
 * MINTED (or it was dead-lettered); any other ends in `batchItemFailures`, and its next delivery
 * finds the journal row and rebroadcasts the same transaction: never a second nonce.
 */
export function createMintConsumerHandler(deps: MintConsumerHandlerDeps): MintConsumerHandler {
  const { minter, queue } = deps
  const settleTimeoutMs = deps.settleTimeoutMs ?? 25_000
  const deadlineMarginMs = deps.deadlineMarginMs ?? 3000
  const logger = (deps.logger ?? createLogger({ level: 'warn' })).child({ component: 'mint-consumer' })
  let starting: Promise<unknown> | undefined

  return async (event, context) => {
    const failures: SQSBatchItemFailure[] = []
    const fail = (record: SQSRecord) => failures.push({ itemIdentifier: record.messageId })
    const records = event.Records ?? []
    try {
      starting ??= minter.start()
      await starting
    } catch (error) {
      starting = undefined
      logger.error('the minter did not start; the whole batch will be delivered again', { error })
      return { batchItemFailures: records.map((record) => ({ itemIdentifier: record.messageId })) }
    }

    const valid: Array<{ record: SQSRecord; paymentHash: string }> = []
    for (const record of records) {
      const parsed = parseMintMessage(record.body)
      if (parsed.ok) {
        valid.push({ record, paymentHash: parsed.message.paymentHash })
        continue
      }
      const reason = `MINT_INVALID_MESSAGE: ${parsed.reason}`
      logger.warn('mint message dead-lettered', { messageId: record.messageId, reason })
      // A stale handle (the message was received again meanwhile) leaves it for the next delivery.
      if (!(await queue.deadLetter(record.receiptHandle, reason).catch(() => false))) fail(record)
    }
    if (valid.length === 0) return { batchItemFailures: failures }

    let submissions: Awaited<ReturnType<Minter['submit']>>
    try {
      submissions = await minter.submit(valid.map((item) => item.paymentHash))
    } catch (error) {
      logger.warn('minter refused the batch; it will be delivered again', { error })
      for (const { record } of valid) fail(record)
      return { batchItemFailures: failures }
    }

    const budget = Math.max(
      0,
      Math.min(settleTimeoutMs, (context?.getRemainingTimeInMillis() ?? Number.POSITIVE_INFINITY) - deadlineMarginMs),
    )
    let timer: NodeJS.Timeout | undefined
    const deadline = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), budget)
    })
    await Promise.all(
      valid.map(async ({ record, paymentHash }, index) => {
        const submission = submissions[index]
        if (!submission) return fail(record)
        switch (submission.status) {
          case 'minted':
            return
          case 'retry':
            return fail(record)
          case 'dead': {
            const reason = `${submission.code}: ${submission.reason}`
            if (!(await queue.deadLetter(record.receiptHandle, reason).catch(() => false))) fail(record)
            return
          }
          case 'tracked': {
            let outcome: MintOutcome | 'timeout'
            try {
              outcome = await Promise.race([minter.whenSettled(paymentHash), deadline])
            } catch {
              return fail(record)
            }
            if (outcome === 'timeout') return fail(record)
            if (outcome.status === 'minted') return
            const reason = `${outcome.code}: ${outcome.reason}`
            if (!(await queue.deadLetter(record.receiptHandle, reason).catch(() => false))) fail(record)
            return
          }
        }
      }),
    )
    clearTimeout(timer)
    return { batchItemFailures: failures }
  }
}
