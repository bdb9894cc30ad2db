import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import { inspect } from 'node:util'
import { GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs'
import { type CoreErrorCode, createLogger, isChainopsError } from '@chainops/core'
import { SqsQueue, type SqsQueueParameters } from '@chainops/core/aws'
import { queueContract } from '@chainops/core/testing'
import { type MotoServer, startMoto } from '@chainops/devnet'

function failsWith(code: CoreErrorCode, details?: string) {
  return (error: unknown) => isChainopsError(error, code) && (details === undefined || error.details === details)
}

const MNEMONIC = 'legal winner thank year wave sausage worth useful legal winner thank yellow'

describe('SqsQueue @integration', () => {
  let moto: MotoServer
  let sqs: SQSClient
  const opened: SqsQueue[] = []
  const open = async (parameters: Partial<SqsQueueParameters> = {}) => {
    const queue = new SqsQueue({ name: `q-${randomUUID()}`, clientConfig: moto.clientConfig, ...parameters })
    opened.push(queue)
    await queue.ensureQueues()
    return queue
  }

  before(async () => {
    moto = await startMoto()
    sqs = new SQSClient(moto.clientConfig)
  })
  afterEach(async () => {
    for (const queue of opened.splice(0)) await queue.close()
  })
  after(async () => {
    sqs?.destroy()
    await moto?.stop()
  })

  queueContract('the Queue contract', () => {
    const prefix = `c-${randomUUID().slice(0, 8)}`
    const queues: SqsQueue[] = []
    return {
      open: async ({ name = 'default', maxReceiveCount } = {}) => {
        const queue = new SqsQueue({ name: `${prefix}-${name}`, clientConfig: moto.clientConfig, maxReceiveCount })
        queues.push(queue)
        await queue.ensureQueues()
        return queue
      },
      now: () => Date.now(),
      // SQS's clock is real: wait, with a margin for moto's strict "later than" test
      advance: (ms) => sleep(ms + 150),
      reportsDuplicates: false,
      knowsRedriveTime: false,
      dispose: async () => {
        for (const queue of queues) await queue.close()
      },
    }
  })

  it('ensureQueues makes a FIFO queue whose RedrivePolicy sends to a FIFO dead-letter queue, and is idempotent', async () => {
    const queue = await open({ maxReceiveCount: 3, visibilityTimeoutMs: 1500 })
    const again = await queue.ensureQueues()
    assert.match(again.queueUrl, new RegExp(`/${queue.name}\\.fifo$`))
    assert.match(again.deadLetterQueueUrl, new RegExp(`/${queue.name}-dlq\\.fifo$`))
    const { Attributes: main } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: again.queueUrl, AttributeNames: ['All'] }),
    )
    const { Attributes: dead } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: again.deadLetterQueueUrl, AttributeNames: ['All'] }),
    )
    assert.equal(main?.FifoQueue, 'true')
    assert.equal(dead?.FifoQueue, 'true')
    assert.equal(main?.VisibilityTimeout, '2')
    assert.equal(dead?.MessageRetentionPeriod, '1209600')
    assert.deepEqual(JSON.parse(main?.RedrivePolicy ?? '{}'), {
      deadLetterTargetArn: dead?.QueueArn,
      maxReceiveCount: 3,
    })
  })

  it('finds existing queues by name without ensureQueues, and works from given URLs', async () => {
    const made = await open()
    const urls = await made.ensureQueues()
    const byName = new SqsQueue({ name: made.name, clientConfig: moto.clientConfig })
    const byUrl = new SqsQueue({ name: made.name, client: sqs, ...urls })
    opened.push(byName, byUrl)
    await byName.send({ body: 'hello', dedupId: 'h' })
    assert.deepEqual(
      (await byUrl.receive()).map((m) => m.body),
      ['hello'],
    )
  })

  it('reports a duplicate send as enqueued (SQS does not say it dropped it) and delivers the message once', async () => {
    const queue = await open()
    const first = await queue.send({ body: 'mint h1', dedupId: 'h1', groupId: 'minter' })
    const second = await queue.send({ body: 'mint h1 again', dedupId: 'h1', groupId: 'minter' })
    assert.equal(first.enqueued, true)
    assert.equal(second.enqueued, true)
    const received = await queue.receive({ max: 10 })
    assert.deepEqual(
      received.map((m) => [m.body, m.messageId, m.groupId]),
      [['mint h1', first.messageId, 'minter']],
    )
  })

  it('gives a message without a group a group of its own, reads it back as no group, and reserves chainops: group ids', async () => {
    const queue = await open()
    await queue.send({ body: 'free', dedupId: 'f' })
    const { queueUrl } = await queue.ensureQueues()
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MessageSystemAttributeNames: ['MessageGroupId'],
        VisibilityTimeout: 0,
      }),
    )
    assert.match(Messages[0]?.Attributes?.MessageGroupId ?? '', /^chainops:ungrouped:[0-9a-f-]{36}$/)
    assert.equal((await queue.receive())[0]?.groupId, undefined)
    await assert.rejects(
      queue.send({ body: 'b', dedupId: 'd', groupId: 'chainops:ungrouped:x' }),
      failsWith('QUEUE_INVALID_INPUT', "a group id may not start with chainops: (the adapter's own groups)"),
    )
  })

  it('rounds a visibility timeout up to whole seconds', async () => {
    const queue = await open()
    await queue.send({ body: 'job', dedupId: 'j' })
    assert.equal((await queue.receive({ visibilityTimeoutMs: 1 })).length, 1)
    await sleep(300)
    assert.deepEqual(await queue.receive(), [])
    await sleep(900)
    assert.equal((await queue.receive())[0]?.receiveCount, 2)
  })

  it('deletes by a handle another instance received, and refuses to dead-letter a handle it never received', async () => {
    const queue = await open()
    const other = new SqsQueue({ name: queue.name, clientConfig: moto.clientConfig })
    opened.push(other)
    await queue.send({ body: 'job', dedupId: 'j' })
    const [message] = await other.receive()
    assert.ok(message)
    await assert.rejects(
      queue.deadLetter(message.receiptHandle, 'poison'),
      failsWith('QUEUE_INVALID_INPUT', "deadLetter takes a receipt handle from this SqsQueue's receive()"),
    )
    assert.equal(await queue.delete(message.receiptHandle), true)
    assert.equal(await queue.changeVisibility(message.receiptHandle, 0), false)
    assert.deepEqual(await queue.receive(), [])
  })

  it('deletes made in one turn go together, 10 to a DeleteMessageBatch, each answered on its own', async () => {
    const client = new SQSClient(moto.clientConfig)
    const commands: string[] = []
    client.middlewareStack.add(
      (next, context) => (args) => {
        commands.push(context.commandName ?? '')
        return next(args)
      },
      { step: 'initialize' },
    )
    const queue = await open({ client })
    for (let index = 0; index < 12; index++)
      await queue.send({ body: `job ${index}`, dedupId: `j${index}`, groupId: `g${index}` })
    const received = [...(await queue.receive({ max: 10 })), ...(await queue.receive({ max: 10 }))]
    assert.equal(received.length, 12)
    const [first] = received
    assert.ok(first)
    assert.equal(await queue.delete(first.receiptHandle), true)
    commands.length = 0
    const answers = await Promise.all([
      ...received.map((message) => queue.delete(message.receiptHandle)),
      queue.delete(received[5]?.receiptHandle ?? ''),
    ])
    assert.deepEqual(answers, [false, ...Array.from({ length: 11 }, () => true), true])
    assert.deepEqual(commands, ['DeleteMessageBatchCommand', 'DeleteMessageBatchCommand'])
    assert.deepEqual(await queue.receive(), [])
    client.destroy()
  })

  it('deadLetters pages past one receive (10) and leaves every dead letter in place for the next reader', async () => {
    const queue = await open()
    for (let i = 0; i < 12; i++) await queue.send({ body: `m${i}`, dedupId: `m${i}`, groupId: `g${i % 3}` })
    let moved = 0
    while (moved < 12) {
      for (const message of await queue.receive({ max: 10 })) {
        assert.equal(await queue.deadLetter(message.receiptHandle, `bad ${message.body}`), true)
        moved++
      }
    }
    const first = await queue.deadLetters({ limit: 25 })
    assert.equal(first.length, 12)
    assert.deepEqual(first.map((d) => d.body).sort(), Array.from({ length: 12 }, (_, i) => `m${i}`).sort())
    for (const dead of first) assert.equal(dead.reason, `bad ${dead.body}`)
    assert.deepEqual((await queue.deadLetters({ limit: 5 })).length, 5)
    assert.deepEqual(
      (await queue.deadLetters({ limit: 1000 })).map((d) => d.messageId).sort(),
      first.map((d) => d.messageId).sort(),
    )
    assert.deepEqual(await queue.receive({ max: 10 }), [])
  })

  it('refuses a bad name or maxReceiveCount when constructed', () => {
    assert.throws(
      () => new SqsQueue({ name: 'mint.jobs', clientConfig: moto.clientConfig }),
      failsWith('QUEUE_INVALID_INPUT', 'an SQS queue name is 1 to 71 characters of letters, digits, _ -'),
    )
    assert.throws(
      () => new SqsQueue({ name: 'mint', maxReceiveCount: 0, clientConfig: moto.clientConfig }),
      failsWith('QUEUE_INVALID_INPUT', 'maxReceiveCount is a whole number from 1 to 1000'),
    )
  })

  it('never puts a message body into an error or a log line, the queue missing included', async () => {
    const missing = new SqsQueue({ name: `missing-${randomUUID()}`, clientConfig: moto.clientConfig })
    opened.push(missing)
    const errors: unknown[] = []
    await missing.send({ body: JSON.stringify({ mnemonic: MNEMONIC }), dedupId: 'd' }).catch((e) => errors.push(e))
    const queue = await open()
    await queue
      .send({ body: 'b'.repeat(262_144 - 10) + MNEMONIC.slice(0, 20), dedupId: 'd' })
      .catch((e) => errors.push(e))
    assert.equal(errors.length, 2)
    assert.match(String((errors[0] as Error).name), /QueueDoesNotExist/)
    assert.ok(isChainopsError(errors[1], 'QUEUE_INVALID_INPUT'))
    const lines: string[] = []
    const logger = createLogger({ sink: (line) => lines.push(line) })
    for (const error of errors) {
      logger.error('send failed', { error })
      for (const text of [inspect(error, { depth: 20 }), String(error)]) assert.ok(!text.includes('legal winner'), text)
    }
    for (const line of lines) assert.ok(!line.includes('legal winner'), line)
  })
})
