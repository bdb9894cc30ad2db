import { randomUUID } from 'node:crypto'
import {
  ChangeMessageVisibilityBatchCommand,
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  type Message,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
  type SQSClientConfig,
} from '@aws-sdk/client-sqs'
import { assertDeadLetterReason } from '../../queue/assertDeadLetterReason.ts'
import { assertQueueWholeNumber } from '../../queue/assertQueueWholeNumber.ts'
import { assertReceiptHandle } from '../../queue/assertReceiptHandle.ts'
import { assertSendMessageParameters } from '../../queue/assertSendMessageParameters.ts'
import { assertVisibilityTimeout } from '../../queue/assertVisibilityTimeout.ts'
import { invalidQueueInput } from '../../queue/invalidQueueInput.ts'
import { parseReceiveParameters } from '../../queue/parseReceiveParameters.ts'
import type {
  DeadLetter,
  Queue,
  ReceivedMessage,
  ReceiveMessagesParameters,
  SendMessageParameters,
  SendMessageResult,
} from '../../queue/Queue.ts'
import { queueClosed } from '../../queue/queueClosed.ts'
import { awsErrorName } from '../awsErrorName.ts'
import { sqsMessageCodec } from './sqsMessageCodec.ts'

export type SqsQueueParameters = {
  /**
   * The queue is the FIFO queue `${name}.fifo`, its dead letters `${name}-dlq.fifo`: 1 to 71
   * letters, digits, `-` and `_` (SQS allows 80 characters with the suffix).
   */
  name: string
  /** A client to share; `close()` leaves it open. Without one, the queue makes its own from `clientConfig`. */
  client?: SQSClient | undefined
  clientConfig?: SQSClientConfig | undefined
  /** Known queue URLs (e.g. from a Lambda's environment) save a GetQueueUrl call each. */
  queueUrl?: string | undefined
  deadLetterQueueUrl?: string | undefined
  /** Deliveries before SQS moves a message to the dead letters; used by `ensureQueues` (default 10). */
  maxReceiveCount?: number | undefined
  /** Default visibility timeout of `receive` (default 30 s); SQS counts whole seconds, so it is rounded up. */
  visibilityTimeoutMs?: number | undefined
  /** Long polling: how long an empty `receive` waits for a message, 0 to 20 s (default 0). */
  waitTimeSeconds?: number | undefined
}

/** SQS receipt handles run to 1024 characters. */
const MAX_HANDLE_LENGTH = 1024
/** How many receipt handles an instance remembers (for stale-handle answers and deadLetter). */
const MAX_REMEMBERED_HANDLES = 10_000
/** How long deadLetters() holds the dead letters it reads before releasing them. */
const PEEK_VISIBILITY_SECONDS = 30
/** SQS answers a receipt handle that is no longer usable with one of these. */
const STALE_HANDLE_ERRORS = new Set(['ReceiptHandleIsInvalid', 'MessageNotInflight', 'InvalidParameterValue'])

type PendingDelete = {
  promise: Promise<boolean>
  resolve: (deleted: boolean | Promise<boolean>) => void
  reject: (error: unknown) => void
}

function seconds(ms: number): number {
  return Math.ceil(ms / 1000)
}

/**
 * The `Queue` on an SQS FIFO queue with a dead-letter queue (RedrivePolicy). What differs from
 * SqliteQueue, because SQS does it differently or does not say:
 *
 * - `send` always reports `enqueued: true` with the MessageId SQS returns: SQS accepts a duplicate
 *   dedup id silently (and does not deliver it), so a drop cannot be seen. Dedup lasts SQS's fixed
 *   5 minutes, from the first send, deleted or not.
 * - A message without a group gets a group of its own (`chainops:ungrouped:<uuid>`; SQS FIFO needs
 *   one), so it waits for no other; `groupId` reads back as undefined. Caller group ids may not
 *   start with `chainops:`.
 * - Visibility timeouts are whole seconds (rounded up); the clock is SQS's.
 * - Stale handles: this instance remembers the handles it received, answers false for one it knows
 *   is stale (the message was received again, deleted or dead-lettered through it) without calling
 *   SQS, and otherwise trusts SQS, which accepts some stale handles (AWS: a delete "succeeds" but
 *   does nothing; moto: deletes). So `delete` of a handle another instance received may say true.
 * - `deadLetter` needs a handle this instance received (it resends the body): it checks the message
 *   is still in flight, sends it to the dead-letter queue (dedup id = the message id, so a retry
 *   does not double it) with the reason and the original fields as message attributes, then
 *   deletes it from the queue. A crash between the two leaves it in both; the dead copy is kept.
 * - `deadLetters` reads the dead-letter queue by receiving (30 s) and then releasing the messages,
 *   so two readers at once each see a part. For a message SQS itself moved (maxReceiveCount),
 *   receiveCount is maxReceiveCount and reason is as SqliteQueue's, but SQS records no move time:
 *   `deadLetteredAt` and `sentAt` are the SentTimestamp the dead-letter queue reports, which AWS
 *   resets at the move for FIFO queues (and moto keeps at the original send).
 */
export class SqsQueue implements Queue {
  readonly name: string
  readonly maxReceiveCount: number
  readonly visibilityTimeoutMs: number
  readonly waitTimeSeconds: number
  readonly #client: SQSClient
  readonly #ownsClient: boolean
  #urls: Promise<{ queueUrl: string; deadLetterQueueUrl: string }> | undefined
  #redriveMaxReceiveCount: Promise<number | undefined> | undefined
  /** receipt handle -> what it received and whether it is still the latest handle of its message */
  readonly #handles = new Map<string, { message: ReceivedMessage; current: boolean }>()
  /** message id -> its latest receipt handle seen here */
  readonly #latest = new Map<string, string>()
  /** Deletes waiting for this turn's DeleteMessageBatch, by receipt handle. */
  readonly #pendingDeletes = new Map<string, PendingDelete>()
  #closed = false

  constructor(parameters: SqsQueueParameters) {
    const {
      name,
      client,
      clientConfig,
      queueUrl,
      deadLetterQueueUrl,
      maxReceiveCount = 10,
      visibilityTimeoutMs = 30_000,
      waitTimeSeconds = 0,
    } = parameters
    if (typeof name !== 'string' || !/^[A-Za-z0-9_-]{1,71}$/.test(name))
      throw invalidQueueInput('an SQS queue name is 1 to 71 characters of letters, digits, _ -')
    assertQueueWholeNumber(maxReceiveCount, 'maxReceiveCount', 1, 1000)
    assertVisibilityTimeout(visibilityTimeoutMs)
    assertQueueWholeNumber(waitTimeSeconds, 'waitTimeSeconds', 0, 20)
    this.name = name
    this.maxReceiveCount = maxReceiveCount
    this.visibilityTimeoutMs = visibilityTimeoutMs
    this.waitTimeSeconds = waitTimeSeconds
    this.#client = client ?? new SQSClient(clientConfig ?? {})
    this.#ownsClient = client === undefined
    if (queueUrl !== undefined && deadLetterQueueUrl !== undefined)
      this.#urls = Promise.resolve({ queueUrl, deadLetterQueueUrl })
  }

  /**
   * Creates the dead-letter queue and the queue (FIFO, RedrivePolicy with maxReceiveCount, the
   * default visibility timeout; dead letters kept 14 days) if they do not exist; for dev and tests.
   */
  async ensureQueues(): Promise<{ queueUrl: string; deadLetterQueueUrl: string }> {
    this.#assertOpen()
    const dead = await this.#client.send(
      new CreateQueueCommand({
        QueueName: `${this.name}-dlq.fifo`,
        Attributes: { FifoQueue: 'true', MessageRetentionPeriod: '1209600' },
      }),
    )
    const deadLetterQueueUrl = dead.QueueUrl ?? ''
    const { Attributes } = await this.#client.send(
      new GetQueueAttributesCommand({ QueueUrl: deadLetterQueueUrl, AttributeNames: ['QueueArn'] }),
    )
    const main = await this.#client.send(
      new CreateQueueCommand({
        QueueName: `${this.name}.fifo`,
        Attributes: {
          FifoQueue: 'true',
          VisibilityTimeout: String(seconds(this.visibilityTimeoutMs)),
          RedrivePolicy: JSON.stringify({
            deadLetterTargetArn: Attributes?.QueueArn,
            maxReceiveCount: this.maxReceiveCount,
          }),
        },
      }),
    )
    const urls = { queueUrl: main.QueueUrl ?? '', deadLetterQueueUrl }
    this.#urls = Promise.resolve(urls)
    this.#redriveMaxReceiveCount = Promise.resolve(this.maxReceiveCount)
    return urls
  }

  send(parameters: SendMessageParameters): Promise<SendMessageResult> {
    return this.#call(async () => {
      assertSendMessageParameters(parameters)
      const { body, dedupId, groupId } = parameters
      const reserved = sqsMessageCodec.reservedGroupPrefix
      if (groupId?.startsWith(reserved))
        throw invalidQueueInput(`a group id may not start with ${reserved} (the adapter's own groups)`)
      const { queueUrl } = await this.#resolveUrls()
      const { MessageId } = await this.#client.send(
        new SendMessageCommand({
          QueueUrl: queueUrl,
          MessageBody: body,
          MessageDeduplicationId: dedupId,
          MessageGroupId: sqsMessageCodec.groupId(groupId),
        }),
      )
      return { enqueued: true, messageId: MessageId ?? '' }
    })
  }

  receive(parameters: ReceiveMessagesParameters = {}): Promise<ReceivedMessage[]> {
    return this.#call(async () => {
      const { max, visibilityTimeoutMs } = parseReceiveParameters(parameters, this.visibilityTimeoutMs)
      const { queueUrl } = await this.#resolveUrls()
      const { Messages = [] } = await this.#client.send(
        new ReceiveMessageCommand({
          QueueUrl: queueUrl,
          MaxNumberOfMessages: max,
          VisibilityTimeout: seconds(visibilityTimeoutMs),
          WaitTimeSeconds: this.waitTimeSeconds,
          MessageSystemAttributeNames: ['All'],
          MessageAttributeNames: ['All'],
          // an SDK retry of a receive whose answer was lost gets the same messages back
          ReceiveRequestAttemptId: randomUUID(),
        }),
      )
      return Messages.map((raw) => this.#remember(raw))
    })
  }

  /**
   * Deletes calls made in the same turn of the event loop together, up to 10 in one
   * DeleteMessageBatch (as Lambda's SQS event source deletes a batch), each answered on its own.
   */
  delete(receiptHandle: string): Promise<boolean> {
    return this.#call(async () => {
      assertReceiptHandle(receiptHandle, MAX_HANDLE_LENGTH)
      if (this.#handles.get(receiptHandle)?.current === false) return false
      const pending = this.#pendingDeletes.get(receiptHandle)
      if (pending) return pending.promise
      let resolve: PendingDelete['resolve'] = () => {}
      let reject: PendingDelete['reject'] = () => {}
      const promise = new Promise<boolean>((yes, no) => {
        resolve = yes
        reject = no
      })
      const entry = { promise, resolve, reject }
      this.#pendingDeletes.set(receiptHandle, entry)
      if (this.#pendingDeletes.size === 1) setImmediate(() => void this.#flushDeletes())
      return entry.promise
    })
  }

  async #flushDeletes(): Promise<void> {
    const batch = [...this.#pendingDeletes]
    this.#pendingDeletes.clear()
    for (let start = 0; start < batch.length; start += 10) {
      const chunk = batch.slice(start, start + 10)
      try {
        const { queueUrl } = await this.#resolveUrls()
        const { Failed = [] } = await this.#client.send(
          new DeleteMessageBatchCommand({
            QueueUrl: queueUrl,
            Entries: chunk.map(([handle], index) => ({ Id: String(index), ReceiptHandle: handle })),
          }),
        )
        const failed = new Map(Failed.map((failure) => [failure.Id, failure.Code ?? '']))
        for (const [index, [handle, entry]] of chunk.entries()) {
          const code = failed.get(String(index))
          if (code === undefined) {
            this.#retire(handle)
            entry.resolve(true)
          } else if (STALE_HANDLE_ERRORS.has(code)) entry.resolve(false)
          // Another failure of one entry: that one alone, so that it throws as SQS answers it.
          else entry.resolve(this.#deleteOne(handle))
        }
      } catch (error) {
        for (const [, entry] of chunk) entry.reject(error)
      }
    }
  }

  async #deleteOne(receiptHandle: string): Promise<boolean> {
    const { queueUrl } = await this.#resolveUrls()
    try {
      await this.#client.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: receiptHandle }))
    } catch (error) {
      if (STALE_HANDLE_ERRORS.has(awsErrorName(error))) return false
      throw error
    }
    this.#retire(receiptHandle)
    return true
  }

  changeVisibility(receiptHandle: string, visibilityTimeoutMs: number): Promise<boolean> {
    return this.#call(async () => {
      assertReceiptHandle(receiptHandle, MAX_HANDLE_LENGTH)
      assertVisibilityTimeout(visibilityTimeoutMs)
      if (this.#handles.get(receiptHandle)?.current === false) return false
      return this.#changeVisibility(receiptHandle, seconds(visibilityTimeoutMs))
    })
  }

  deadLetter(receiptHandle: string, reason: string): Promise<boolean> {
    return this.#call(async () => {
      assertReceiptHandle(receiptHandle, MAX_HANDLE_LENGTH)
      assertDeadLetterReason(reason)
      const known = this.#handles.get(receiptHandle)
      if (!known) throw invalidQueueInput("deadLetter takes a receipt handle from this SqsQueue's receive()")
      if (!known.current) return false
      // still ours? (and hidden long enough to move it)
      if (!(await this.#changeVisibility(receiptHandle, PEEK_VISIBILITY_SECONDS))) return false
      const { message } = known
      const { deadLetterQueueUrl } = await this.#resolveUrls()
      await this.#client.send(
        new SendMessageCommand({
          QueueUrl: deadLetterQueueUrl,
          MessageBody: message.body,
          MessageDeduplicationId: message.messageId,
          MessageGroupId: sqsMessageCodec.deadLetterGroupId(message.messageId),
          MessageAttributes: sqsMessageCodec.deadLetterAttributes(message, reason, Date.now()),
        }),
      )
      const { queueUrl } = await this.#resolveUrls()
      await this.#client.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: receiptHandle }))
      this.#retire(receiptHandle)
      return true
    })
  }

  deadLetters(options: { limit?: number | undefined } = {}): Promise<DeadLetter[]> {
    return this.#call(async () => {
      const { limit = 100 } = options
      assertQueueWholeNumber(limit, 'limit', 1, 1000)
      const { deadLetterQueueUrl } = await this.#resolveUrls()
      const raws: Message[] = []
      try {
        while (raws.length < limit) {
          const { Messages = [] } = await this.#client.send(
            new ReceiveMessageCommand({
              QueueUrl: deadLetterQueueUrl,
              MaxNumberOfMessages: Math.min(10, limit - raws.length),
              VisibilityTimeout: PEEK_VISIBILITY_SECONDS,
              MessageSystemAttributeNames: ['All'],
              MessageAttributeNames: ['All'],
            }),
          )
          if (Messages.length === 0) break
          raws.push(...Messages)
        }
      } finally {
        await this.#release(deadLetterQueueUrl, raws)
      }
      const maxReceiveCount = raws.some((raw) => !sqsMessageCodec.hasReason(raw))
        ? await this.#resolveRedriveMaxReceiveCount()
        : undefined
      return raws
        .map((raw) => sqsMessageCodec.deadLetter(raw, maxReceiveCount))
        .sort((a, b) => a.deadLetteredAt - b.deadLetteredAt)
    })
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    this.#handles.clear()
    this.#latest.clear()
    if (this.#ownsClient) this.#client.destroy()
  }

  #remember(raw: Message): ReceivedMessage {
    const message = sqsMessageCodec.receivedMessage(raw)
    const previous = this.#latest.get(message.messageId)
    if (previous !== undefined) this.#retire(previous)
    this.#handles.set(message.receiptHandle, { message, current: true })
    this.#latest.set(message.messageId, message.receiptHandle)
    for (const [handle] of this.#handles) {
      if (this.#handles.size <= MAX_REMEMBERED_HANDLES) break
      const entry = this.#handles.get(handle)
      this.#handles.delete(handle)
      if (entry && this.#latest.get(entry.message.messageId) === handle) this.#latest.delete(entry.message.messageId)
    }
    return message
  }

  /** Marks a handle as no longer usable (its message was deleted, moved or received again). */
  #retire(receiptHandle: string): void {
    const entry = this.#handles.get(receiptHandle)
    if (!entry) return
    entry.current = false
    if (this.#latest.get(entry.message.messageId) === receiptHandle) this.#latest.delete(entry.message.messageId)
  }

  async #changeVisibility(receiptHandle: string, visibilitySeconds: number): Promise<boolean> {
    const { queueUrl } = await this.#resolveUrls()
    try {
      await this.#client.send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: queueUrl,
          ReceiptHandle: receiptHandle,
          VisibilityTimeout: visibilitySeconds,
        }),
      )
      return true
    } catch (error) {
      if (STALE_HANDLE_ERRORS.has(awsErrorName(error))) {
        this.#retire(receiptHandle)
        return false
      }
      throw error
    }
  }

  async #release(queueUrl: string, raws: Message[]): Promise<void> {
    for (let i = 0; i < raws.length; i += 10) {
      const batch = raws.slice(i, i + 10)
      await this.#client.send(
        new ChangeMessageVisibilityBatchCommand({
          QueueUrl: queueUrl,
          Entries: batch.map((raw, j) => ({ Id: String(j), ReceiptHandle: raw.ReceiptHandle, VisibilityTimeout: 0 })),
        }),
      )
    }
  }

  #resolveUrls(): Promise<{ queueUrl: string; deadLetterQueueUrl: string }> {
    if (this.#urls) return this.#urls
    const lookup = (async () => {
      const [main, dead] = await Promise.all([
        this.#client.send(new GetQueueUrlCommand({ QueueName: `${this.name}.fifo` })),
        this.#client.send(new GetQueueUrlCommand({ QueueName: `${this.name}-dlq.fifo` })),
      ])
      return { queueUrl: main.QueueUrl ?? '', deadLetterQueueUrl: dead.QueueUrl ?? '' }
    })()
    this.#urls = lookup
    // a failed lookup is not kept: the queues may be created later
    lookup.catch(() => {
      if (this.#urls === lookup) this.#urls = undefined
    })
    return lookup
  }

  /** The maxReceiveCount SQS applies, from the queue's RedrivePolicy. */
  #resolveRedriveMaxReceiveCount(): Promise<number | undefined> {
    this.#redriveMaxReceiveCount ??= (async () => {
      const { queueUrl } = await this.#resolveUrls()
      const { Attributes } = await this.#client.send(
        new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['RedrivePolicy'] }),
      )
      if (!Attributes?.RedrivePolicy) return undefined
      const policy = JSON.parse(Attributes.RedrivePolicy) as { maxReceiveCount?: number | string }
      return policy.maxReceiveCount === undefined ? undefined : Number(policy.maxReceiveCount)
    })()
    return this.#redriveMaxReceiveCount
  }

  #assertOpen(): void {
    if (this.#closed) throw queueClosed()
  }

  async #call<TResult>(operation: () => Promise<TResult>): Promise<TResult> {
    this.#assertOpen()
    return operation()
  }
}
