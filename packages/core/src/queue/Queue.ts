export type SendMessageParameters = {
  /** The message, usually JSON; 1 byte to 256 KiB (the SQS limit). */
  body: string
  /**
   * A second message with the same id within the queue's dedup window is dropped, even if the
   * first was already deleted (SQS FIFO `MessageDeduplicationId`). 1-128 printable ASCII characters.
   */
  dedupId: string
  /**
   * Messages of one group are delivered in send order, and none is delivered while an earlier one
   * of its group is in flight (SQS FIFO `MessageGroupId`). Without a group, a message is delivered
   * oldest first but does not wait for others.
   */
  groupId?: string | undefined
}

export type SendMessageResult = {
  /** False when the dedup id was seen within the dedup window and the message was dropped. */
  enqueued: boolean
  /** The new message's id, or the earlier message's id when dropped. */
  messageId: string
}

export type ReceiveMessagesParameters = {
  /** At most this many messages, 1 to 10 (default 1). */
  max?: number | undefined
  /** How long received messages stay hidden from other receivers (default: the queue's). */
  visibilityTimeoutMs?: number | undefined
}

export type ReceivedMessage = {
  messageId: string
  body: string
  dedupId: string
  groupId: string | undefined
  /** Proves this receive; delete, changeVisibility and deadLetter need it. A later receive replaces it. */
  receiptHandle: string
  /** 1 on the first delivery, +1 on each redelivery after a visibility timeout. */
  receiveCount: number
  /** When it was sent, by the queue's clock (ms since the epoch). */
  sentAt: number
}

export type DeadLetter = {
  messageId: string
  body: string
  dedupId: string
  groupId: string | undefined
  receiveCount: number
  sentAt: number
  /** Why it was moved: `maxReceiveCount` exceeded, or the reason given to `deadLetter`. */
  reason: string
  deadLetteredAt: number
}

/**
 * A FIFO work queue with deduplication, visibility timeouts and a dead-letter table, shaped after
 * SQS FIFO so an SQS adapter fits the same interface as the embedded node:sqlite one.
 *
 * Delivery is at least once: a consumer that does not delete a message within its visibility
 * timeout gets it again, so handlers must be idempotent. Operations that take a receipt handle
 * resolve to false when the handle is stale (the message was received again, deleted or
 * dead-lettered since); a stale handle never touches the message.
 */
export type Queue = {
  send(parameters: SendMessageParameters): Promise<SendMessageResult>
  receive(parameters?: ReceiveMessagesParameters): Promise<ReceivedMessage[]>
  /** Deletes a handled message. */
  delete(receiptHandle: string): Promise<boolean>
  /** Hides the message for `visibilityTimeoutMs` from now (0 makes it visible at once). */
  changeVisibility(receiptHandle: string, visibilityTimeoutMs: number): Promise<boolean>
  /** Moves a poison message to the dead letters at once, with a reason. */
  deadLetter(receiptHandle: string, reason: string): Promise<boolean>
  /** Dead letters, oldest first. */
  deadLetters(options?: { limit?: number | undefined }): Promise<DeadLetter[]>
  close(): Promise<void>
}
