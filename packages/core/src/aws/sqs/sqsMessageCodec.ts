import { randomUUID } from 'node:crypto'
import type { Message, MessageAttributeValue } from '@aws-sdk/client-sqs'
import type { DeadLetter, ReceivedMessage } from '../../queue/Queue.ts'

/** Group ids the adapter gives itself; a caller's group id may not start so. */
const RESERVED_GROUP_PREFIX = 'chainops:'
const UNGROUPED_PREFIX = 'chainops:ungrouped:'
const DEAD_GROUP_PREFIX = 'chainops:dead:'
/** The message attributes of a dead letter SqsQueue moved itself (`deadLetter`). */
const ATTRIBUTE = {
  reason: 'chainops.reason',
  messageId: 'chainops.messageId',
  dedupId: 'chainops.dedupId',
  groupId: 'chainops.groupId',
  receiveCount: 'chainops.receiveCount',
  sentAt: 'chainops.sentAt',
  deadLetteredAt: 'chainops.deadLetteredAt',
} as const

function stringAttribute(value: string): MessageAttributeValue {
  return { DataType: 'String', StringValue: value }
}

function numberAttribute(value: number): MessageAttributeValue {
  return { DataType: 'Number', StringValue: String(value) }
}

/** A caller's group id as it reads back: the adapter's own groups read as no group. */
function groupOf(groupId: string | undefined): string | undefined {
  return groupId === undefined || groupId.startsWith(RESERVED_GROUP_PREFIX) ? undefined : groupId
}

/**
 * How `Queue` messages lie in SQS FIFO messages: group ids (a message without a group gets one of
 * its own, `chainops:ungrouped:<uuid>`, since FIFO needs one), received messages from SQS's system
 * attributes, and dead letters from the `chainops.*` message attributes `deadLetter` writes, or,
 * for a message SQS's RedrivePolicy moved, from SQS's own attributes.
 */
export const sqsMessageCodec = {
  /** The prefix a caller's group id may not have. */
  reservedGroupPrefix: RESERVED_GROUP_PREFIX,
  /** The MessageGroupId a message is sent with. */
  groupId(groupId: string | undefined): string {
    return groupId ?? `${UNGROUPED_PREFIX}${randomUUID()}`
  },
  /** The MessageGroupId of a dead letter: a group each, so reading them is never held up behind one in flight. */
  deadLetterGroupId(messageId: string): string {
    return `${DEAD_GROUP_PREFIX}${messageId}`
  },
  /** A received SQS message (asked for with every system attribute) as the `Queue` hands it out. */
  receivedMessage(raw: Message): ReceivedMessage {
    return {
      messageId: raw.MessageId ?? '',
      body: raw.Body ?? '',
      dedupId: raw.Attributes?.MessageDeduplicationId ?? '',
      groupId: groupOf(raw.Attributes?.MessageGroupId),
      receiptHandle: raw.ReceiptHandle ?? '',
      receiveCount: Number(raw.Attributes?.ApproximateReceiveCount),
      sentAt: Number(raw.Attributes?.SentTimestamp),
    }
  },
  /** The message attributes of a message `deadLetter` moves: the reason and the original fields. */
  deadLetterAttributes(
    message: ReceivedMessage,
    reason: string,
    deadLetteredAt: number,
  ): Record<string, MessageAttributeValue> {
    const attributes: Record<string, MessageAttributeValue> = {
      [ATTRIBUTE.reason]: stringAttribute(reason),
      [ATTRIBUTE.messageId]: stringAttribute(message.messageId),
      [ATTRIBUTE.dedupId]: stringAttribute(message.dedupId),
      [ATTRIBUTE.receiveCount]: numberAttribute(message.receiveCount),
      [ATTRIBUTE.sentAt]: numberAttribute(message.sentAt),
      [ATTRIBUTE.deadLetteredAt]: numberAttribute(deadLetteredAt),
    }
    if (message.groupId !== undefined) attributes[ATTRIBUTE.groupId] = stringAttribute(message.groupId)
    return attributes
  },
  /** Whether a dead letter was moved by `deadLetter` (it carries a reason) rather than by SQS. */
  hasReason(raw: Message): boolean {
    return raw.MessageAttributes?.[ATTRIBUTE.reason] !== undefined
  },
  /**
   * A message read from the dead-letter queue as a `DeadLetter`. One SQS moved itself
   * (maxReceiveCount) says `maxReceiveCount` receives, and its SentTimestamp stands for both its
   * send and its move, since SQS records no move time.
   */
  deadLetter(raw: Message, maxReceiveCount: number | undefined): DeadLetter {
    const attributes = raw.MessageAttributes ?? {}
    const text = (name: string) => attributes[name]?.StringValue
    const sentTimestamp = Number(raw.Attributes?.SentTimestamp)
    const reason = text(ATTRIBUTE.reason)
    if (reason !== undefined)
      return {
        messageId: text(ATTRIBUTE.messageId) ?? raw.MessageId ?? '',
        body: raw.Body ?? '',
        dedupId: text(ATTRIBUTE.dedupId) ?? '',
        groupId: text(ATTRIBUTE.groupId),
        receiveCount: Number(text(ATTRIBUTE.receiveCount)),
        sentAt: Number(text(ATTRIBUTE.sentAt)),
        reason,
        deadLetteredAt: Number(text(ATTRIBUTE.deadLetteredAt)),
      }
    // moved by SQS's RedrivePolicy: the message as it was, with SQS's attributes
    const count = maxReceiveCount ?? Number(raw.Attributes?.ApproximateReceiveCount)
    return {
      messageId: raw.MessageId ?? '',
      body: raw.Body ?? '',
      dedupId: raw.Attributes?.MessageDeduplicationId ?? '',
      groupId: groupOf(raw.Attributes?.MessageGroupId),
      receiveCount: count,
      sentAt: sentTimestamp,
      reason: `received ${count} times; maxReceiveCount is ${count}`,
      deadLetteredAt: sentTimestamp,
    }
  },
} as const
