import { createLogger, type Logger, type Queue } from '@chainops/core'
import type { Context, SQSBatchItemFailure, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda'
import type { Minter } from '../minter/Minter.ts'
import { mintMessageAction } from '../pipeline/mintMessageAction.ts'
import { parseMintMessage } from '../pipeline/parseMintMessage.ts'

export type MintConsumerHandlerDeps = {
  /**
   * The minter of this function's sending key, created with `lease: false` (the FIFO group is the
   * single writer) and `watch: false` (the receipt watcher, `createMintWatcherHandler`, drives the
   * mints to MINTED); started on the first event.
   */
  minter: Minter
  /** The queue the event source reads: malformed and never-mintable messages are dead-lettered through it, with the reason. */
  queue: Queue
  logger?: Logger | undefined
}

export type MintConsumerHandler = (
  event: SQSEvent,
  context?: Pick<Context, 'getRemainingTimeInMillis'>,
) => Promise<SQSBatchResponse>

/**
 * The SQS consumer Lambda of the mint queue (FIFO, `ReportBatchItemFailures` on). Every record of
 * the batch goes through the same minter step and the same acknowledgement rule
 * (`mintMessageAction`, `journaled`) as the embedded pipeline: parse (malformed -> dead-letter with
 * the reason, reported as handled), journal all mints of the batch at once (nonce, raw
 * transaction and hash committed in the store), broadcast them, and once the node has answered
 * report every journaled record handled: the journal row is the durable job from then on, and the
 * receipt watcher drives it to MINTED. So a FIFO group never waits for receipts and the next batch
 * follows at once. A record not mintable yet ends in `batchItemFailures`; a redelivery finds the
 * journal row (or the MINTED record) and rebroadcasts the same transaction: never a second nonce.
 */
export function createMintConsumerHandler(deps: MintConsumerHandlerDeps): MintConsumerHandler {
  const { minter, queue } = deps
  const logger = (deps.logger ?? createLogger({ level: 'warn' })).child({ component: 'mint-consumer' })
  let starting: Promise<unknown> | undefined

  return async (event) => {
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

    const deadLetter = async (record: SQSRecord, reason: string) => {
      logger.warn('mint message dead-lettered', { messageId: record.messageId, reason })
      // A stale handle (the message was received again meanwhile) leaves it for the next delivery.
      if (!(await queue.deadLetter(record.receiptHandle, reason.slice(0, 1000)).catch(() => false))) fail(record)
    }
    const valid: Array<{ record: SQSRecord; paymentHash: string }> = []
    for (const record of records) {
      const parsed = parseMintMessage(record.body)
      if (parsed.ok) valid.push({ record, paymentHash: parsed.message.paymentHash })
      else await deadLetter(record, `MINT_INVALID_MESSAGE: ${parsed.reason}`)
    }
    if (valid.length === 0) return { batchItemFailures: failures }

    let submissions: Awaited<ReturnType<Minter['submit']>>
    try {
      submissions = await minter.submit(valid.map((item) => item.paymentHash))
      // Acknowledged once journaled AND the broadcast attempted (answered or failed): a watcher resends what failed.
      await minter.flush()
    } catch (error) {
      logger.warn('minter refused the batch; it will be delivered again', { error })
      for (const { record } of valid) fail(record)
      return { batchItemFailures: failures }
    }
    for (const [index, { record }] of valid.entries()) {
      const submission = submissions[index]
      if (!submission) {
        fail(record)
        continue
      }
      const action = mintMessageAction(submission, 'journaled')
      if (action.kind === 'retry' || action.kind === 'await') fail(record)
      else if (action.kind === 'deadLetter') await deadLetter(record, action.reason)
    }
    return { batchItemFailures: failures }
  }
}
