import type { ReceivedMessage } from '@chainops/core'
import type { SQSEvent } from 'aws-lambda'

export type ToSqsEventParameters = {
  /** The queue's ARN as the event source mapping reports it. */
  eventSourceArn: string
  awsRegion: string
  /** When this batch was first received (ms since the epoch); default now. */
  receivedAt?: number | undefined
}

/**
 * The `SQSEvent` Lambda's SQS event source mapping builds from a batch of received messages: one
 * record per message with its id, receipt handle, body and the FIFO attributes (group id, dedup id,
 * receive count, sent time).
 */
export function toSqsEvent(messages: readonly ReceivedMessage[], parameters: ToSqsEventParameters): SQSEvent {
  const receivedAt = String(parameters.receivedAt ?? Date.now())
  return {
    Records: messages.map((message) => ({
      messageId: message.messageId,
      receiptHandle: message.receiptHandle,
      body: message.body,
      attributes: {
        ApproximateReceiveCount: String(message.receiveCount),
        SentTimestamp: String(message.sentAt),
        SenderId: 'chainops',
        ApproximateFirstReceiveTimestamp: receivedAt,
        ...(message.groupId === undefined ? {} : { MessageGroupId: message.groupId }),
        MessageDeduplicationId: message.dedupId,
      },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: parameters.eventSourceArn,
      awsRegion: parameters.awsRegion,
    })),
  }
}
