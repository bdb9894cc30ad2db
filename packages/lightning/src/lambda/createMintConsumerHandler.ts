import { createLogger, type Logger, type Queue } from '@chainops/core'
import type { Context, SQSBatchItemFailure, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda'
import { LightningError } from '../errors/LightningError.ts'
import type { Minter } from '../minter/Minter.ts'
import { mintMessageAction } from '../pipeline/mintMessageAction.ts'
import { parseMintMessage } from '../pipeline/parseMintMessage.ts'

export type MintConsumerHandlerDeps = {
  /**
   * The minter of each sending key (one, or K), created with `lease: false` (the FIFO group is the
   * single writer) and `watch: false` (the receipt watcher, `createMintWatcherHandler`, drives the
   * mints to MINTED); started on the first event. With K keys each record goes to the minter of
   * its message group `mint:<sender>`; a record of no known group is a batch item failure.
   */
  minter: Minter | readonly Minter[]
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
  const { queue } = deps
  const minters: readonly Minter[] = Array.isArray(deps.minter) ? deps.minter : [deps.minter as Minter]
  if (minters.length === 0)
    throw new LightningError({
      code: 'MINT_INVALID_PARAMETERS',
      shortMessage: 'The mint consumer needs a minter',
      details: 'minter: at least one sending key is needed (K = 0)',
    })
  const byGroup = new Map(minters.map((minter) => [`mint:${minter.address.toLowerCase()}`, minter]))
  if (byGroup.size !== minters.length)
    throw new LightningError({
      code: 'MINT_INVALID_PARAMETERS',
      shortMessage: 'The mint consumer has two minters of one sending key',
      details: 'minter: a sending key is listed twice',
    })
  const logger = (deps.logger ?? createLogger({ level: 'warn' })).child({ component: 'mint-consumer' })
  // Each minter started once; one that failed to start is started again at the next event.
  const starting = new Map<Minter, Promise<unknown>>()
  const start = (minter: Minter) => {
    let started = starting.get(minter)
    if (!started) {
      started = minter.start()
      starting.set(minter, started)
      started.catch(() => starting.delete(minter))
    }
    return started
  }

  return async (event) => {
    const failures: SQSBatchItemFailure[] = []
    const fail = (record: SQSRecord) => failures.push({ itemIdentifier: record.messageId })
    const records = event.Records ?? []
    try {
      await Promise.all(minters.map(start))
    } catch (error) {
      logger.error('a minter did not start; the whole batch will be delivered again', { error })
      return { batchItemFailures: records.map((record) => ({ itemIdentifier: record.messageId })) }
    }

    const deadLetter = async (record: SQSRecord, reason: string) => {
      logger.warn('mint message dead-lettered', { messageId: record.messageId, reason })
      // A stale handle (the message was received again meanwhile) leaves it for the next delivery.
      if (!(await queue.deadLetter(record.receiptHandle, reason.slice(0, 1000)).catch(() => false))) fail(record)
    }
    // The records of each sending key's group, in order (a FIFO batch may hold several groups).
    const groups = new Map<Minter, Array<{ record: SQSRecord; paymentHash: string }>>()
    for (const record of records) {
      const parsed = parseMintMessage(record.body)
      if (!parsed.ok) {
        await deadLetter(record, `MINT_INVALID_MESSAGE: ${parsed.reason}`)
        continue
      }
      const group = record.attributes?.MessageGroupId?.toLowerCase()
      const minter = minters.length === 1 ? minters[0] : group ? byGroup.get(group) : undefined
      if (!minter) {
        logger.error('a mint message of no known sending key; it will be delivered again', {
          messageId: record.messageId,
          group,
        })
        fail(record)
        continue
      }
      const list = groups.get(minter) ?? []
      list.push({ record, paymentHash: parsed.message.paymentHash })
      groups.set(minter, list)
    }

    await Promise.all(
      [...groups].map(async ([minter, valid]) => {
        let submissions: Awaited<ReturnType<Minter['submit']>>
        try {
          submissions = await minter.submit(valid.map((item) => item.paymentHash))
          // Acknowledged once journaled AND the broadcast attempted (answered or failed): a watcher resends what failed.
          await minter.flush()
        } catch (error) {
          logger.warn('minter refused the batch; it will be delivered again', { error, sender: minter.address })
          for (const { record } of valid) fail(record)
          return
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
      }),
    )
    return { batchItemFailures: failures }
  }
}
