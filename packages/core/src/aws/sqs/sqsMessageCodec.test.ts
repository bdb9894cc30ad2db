import assert from 'node:assert/strict'
import type { Message } from '@aws-sdk/client-sqs'
import { sqsMessageCodec } from './sqsMessageCodec.ts'

const received: Message = {
  MessageId: 'm-1',
  ReceiptHandle: 'rh-1',
  Body: '{"hash":"h1"}',
  Attributes: {
    MessageDeduplicationId: 'h1',
    MessageGroupId: 'minter',
    ApproximateReceiveCount: '2',
    SentTimestamp: '1735787045000',
  },
}

describe('sqsMessageCodec', () => {
  it('gives a message without a group a group of its own, and reads the adapter’s groups back as none', () => {
    assert.equal(sqsMessageCodec.groupId('minter'), 'minter')
    const own = sqsMessageCodec.groupId(undefined)
    assert.match(own, /^chainops:ungrouped:[0-9a-f-]{36}$/)
    assert.notEqual(sqsMessageCodec.groupId(undefined), own)
    assert.equal(sqsMessageCodec.deadLetterGroupId('m-1'), 'chainops:dead:m-1')
    const ungrouped = { ...received, Attributes: { ...received.Attributes, MessageGroupId: own } }
    assert.equal(sqsMessageCodec.receivedMessage(ungrouped).groupId, undefined)
  })

  it('reads a received message from SQS’s system attributes', () => {
    assert.deepEqual(sqsMessageCodec.receivedMessage(received), {
      messageId: 'm-1',
      body: '{"hash":"h1"}',
      dedupId: 'h1',
      groupId: 'minter',
      receiptHandle: 'rh-1',
      receiveCount: 2,
      sentAt: 1735787045000,
    })
  })

  it('writes a dead letter’s reason and original fields as attributes and reads them back', () => {
    const message = sqsMessageCodec.receivedMessage(received)
    const attributes = sqsMessageCodec.deadLetterAttributes(message, 'body is not JSON', 1735787046000)
    const moved: Message = { MessageId: 'dlq-1', Body: message.body, MessageAttributes: attributes }
    assert.equal(sqsMessageCodec.hasReason(moved), true)
    assert.deepEqual(sqsMessageCodec.deadLetter(moved, undefined), {
      messageId: 'm-1',
      body: '{"hash":"h1"}',
      dedupId: 'h1',
      groupId: 'minter',
      receiveCount: 2,
      sentAt: 1735787045000,
      reason: 'body is not JSON',
      deadLetteredAt: 1735787046000,
    })
  })

  it('reads a message SQS moved itself (maxReceiveCount) from SQS’s attributes, its send time standing for the move', () => {
    assert.equal(sqsMessageCodec.hasReason(received), false)
    assert.deepEqual(sqsMessageCodec.deadLetter(received, 3), {
      messageId: 'm-1',
      body: '{"hash":"h1"}',
      dedupId: 'h1',
      groupId: 'minter',
      receiveCount: 3,
      sentAt: 1735787045000,
      reason: 'received 3 times; maxReceiveCount is 3',
      deadLetteredAt: 1735787045000,
    })
  })
})
