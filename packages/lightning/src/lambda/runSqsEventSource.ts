import { setTimeout as sleep } from 'node:timers/promises'
import { createLogger, type Logger, type Queue, type ReceivedMessage } from '@chainops/core'
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda'
import { toSqsEvent } from './toSqsEvent.ts'

export type RunSqsEventSourceParameters = {
  /** The queue the mapping reads (an `SqsQueue` on SQS or moto, or the embedded queue). */
  queue: Queue
  /** The function: `ReportBatchItemFailures` semantics (the ids in `batchItemFailures` stay queued). */
  handler: (event: SQSEvent, context: Pick<Context, 'getRemainingTimeInMillis'>) => Promise<SQSBatchResponse>
  /** Records per invocation, 1 to 10 (default 10, the FIFO maximum). */
  batchSize?: number | undefined
  /** The function timeout: `getRemainingTimeInMillis` counts down from it (default 60 s). */
  functionTimeoutMs?: number | undefined
  /** The queue's visibility timeout for each receive (default: the function timeout + 10 s, as AWS advises). */
  visibilityTimeoutMs?: number | undefined
  /** Pause after an empty receive (default 100 ms). */
  idleMs?: number | undefined
  eventSourceArn?: string | undefined
  awsRegion?: string | undefined
  /** Called with each batch received (tests count deliveries). */
  onBatch?: ((messages: readonly ReceivedMessage[]) => void) | undefined
  logger?: Logger | undefined
}

export type SqsEventSource = {
  stats(): { invocations: number; records: number; failures: number; errors: number }
  stop(): Promise<void>
}

/**
 * Drives a Lambda SQS handler the way Lambda's event source mapping does, for running the AWS
 * mode's consumer outside AWS (local stack, tests, `chainops serve --mode aws`): receive a batch,
 * invoke the handler with the real `SQSEvent` shape, delete the records that did not fail, leave
 * the failed ones to their visibility timeout (SQS then redelivers, and dead-letters after its
 * `maxReceiveCount`). A handler that throws fails the whole batch, as in AWS. One batch at a time,
 * as for a FIFO message group.
 */
export function runSqsEventSource(parameters: RunSqsEventSourceParameters): SqsEventSource {
  const { queue, handler, onBatch } = parameters
  const batchSize = parameters.batchSize ?? 10
  const functionTimeoutMs = parameters.functionTimeoutMs ?? 60_000
  const visibilityTimeoutMs = parameters.visibilityTimeoutMs ?? functionTimeoutMs + 10_000
  const idleMs = parameters.idleMs ?? 100
  const eventSourceArn = parameters.eventSourceArn ?? 'arn:aws:sqs:us-east-1:000000000000:mint.fifo'
  const awsRegion = parameters.awsRegion ?? 'us-east-1'
  const logger = (parameters.logger ?? createLogger({ level: 'warn' })).child({ component: 'sqs-event-source' })
  const stats = { invocations: 0, records: 0, failures: 0, errors: 0 }
  let stopping = false

  const round = async () => {
    const messages = await queue.receive({ max: batchSize, visibilityTimeoutMs })
    if (messages.length === 0) {
      await sleep(idleMs)
      return
    }
    onBatch?.(messages)
    stats.invocations++
    stats.records += messages.length
    const started = Date.now()
    let failed: Set<string>
    try {
      const response = await handler(toSqsEvent(messages, { eventSourceArn, awsRegion }), {
        getRemainingTimeInMillis: () => Math.max(0, functionTimeoutMs - (Date.now() - started)),
      })
      failed = new Set((response?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier))
    } catch (error) {
      stats.errors++
      logger.warn('the function failed; the whole batch will be delivered again', { error })
      return
    }
    stats.failures += failed.size
    // Together, as Lambda's event source deletes a batch (SqsQueue: one DeleteMessageBatch).
    await Promise.all(
      messages
        .filter((message) => !failed.has(message.messageId))
        .map((message) => queue.delete(message.receiptHandle)),
    )
  }

  const done = (async () => {
    while (!stopping) {
      try {
        await round()
      } catch (error) {
        logger.warn('receiving from the queue failed; retrying', { error })
        await sleep(500)
      }
    }
  })()

  return {
    stats: () => ({ ...stats }),
    async stop() {
      stopping = true
      await done
    },
  }
}
