import assert from 'node:assert/strict'
import type { CoreErrorCode } from '../errors/CoreErrorCode.ts'
import { isChainopsError } from '../errors/isChainopsError.ts'
import type { Queue } from '../queue/Queue.ts'

/** What a queue adapter gives the shared tests; one target per test. */
export type QueueContractTarget = {
  /** A queue instance; the same name on one target is the same queue, another name another queue. */
  open(parameters?: { name?: string | undefined; maxReceiveCount?: number | undefined }): Promise<Queue>
  /** The queue's clock, ms since the epoch. */
  now(): number
  /** Lets `ms` pass on the queue's clock (a fake clock moves; a real one is waited for). */
  advance(ms: number): Promise<void>
  /**
   * Whether `send` reports a dropped duplicate as `{ enqueued: false, messageId: <the first> }`.
   * SQS accepts a duplicate without saying so: its adapter reports `enqueued: true`.
   */
  reportsDuplicates: boolean
  /**
   * Whether the dead-letter time of a message moved for exceeding maxReceiveCount is the moment of
   * the move. SQS moves it itself and records no such time (see SqsQueue).
   */
  knowsRedriveTime: boolean
  dispose(): Promise<void>
}

function failsWith(code: CoreErrorCode, details?: string) {
  return (error: unknown) => isChainopsError(error, code) && (details === undefined || error.details === details)
}

/**
 * The behaviour every `Queue` shares, as mocha tests, written against a clock the target moves
 * (`advance`) so that one body runs on a fake clock (SqliteQueue) and on real time (SqsQueue).
 * Visibility timeouts here are whole seconds, the unit of SQS.
 */
export function queueContract(
  title: string,
  makeTarget: () => QueueContractTarget | Promise<QueueContractTarget>,
): void {
  describe(title, () => {
    let target: QueueContractTarget

    beforeEach(async () => {
      target = await makeTarget()
    })
    afterEach(async () => {
      await target.dispose()
    })

    /** Sends and returns the queue-clock interval the send happened in. */
    const timedSend = async (queue: Queue, body: string, dedupId: string, groupId?: string) => {
      const before = target.now()
      const result = await queue.send({ body, dedupId, groupId })
      return { ...result, before, after: target.now() }
    }

    it('delivers messages first in, first out, with receiveCount 1 and the send time', async () => {
      const queue = await target.open()
      const sent: Awaited<ReturnType<typeof timedSend>>[] = []
      for (const body of ['a', 'b', 'c']) {
        const result = await timedSend(queue, body, `d-${body}`)
        assert.equal(result.enqueued, true)
        sent.push(result)
        await target.advance(1)
      }
      const messages = await queue.receive({ max: 10 })
      assert.deepEqual(
        messages.map((m) => [m.body, m.dedupId, m.groupId, m.receiveCount, m.messageId]),
        [
          ['a', 'd-a', undefined, 1, sent[0]?.messageId],
          ['b', 'd-b', undefined, 1, sent[1]?.messageId],
          ['c', 'd-c', undefined, 1, sent[2]?.messageId],
        ],
      )
      messages.forEach((message, i) => {
        const { before = Number.NaN, after = Number.NaN } = sent[i] ?? {}
        assert.ok(
          message.sentAt >= before && message.sentAt <= after,
          `sentAt ${message.sentAt} in [${before}, ${after}]`,
        )
      })
      assert.equal(new Set(messages.map((m) => m.receiptHandle)).size, 3)
      assert.deepEqual(await queue.receive({ max: 10 }), [])
    })

    it('receive returns at most max messages, oldest first', async () => {
      const queue = await target.open()
      for (const body of ['1', '2', '3']) await queue.send({ body, dedupId: body })
      assert.deepEqual(
        (await queue.receive({ max: 2 })).map((m) => m.body),
        ['1', '2'],
      )
      assert.deepEqual(
        (await queue.receive()).map((m) => m.body),
        ['3'],
      )
    })

    it('drops a second message with the same dedup id within the window', async () => {
      const queue = await target.open()
      const first = await queue.send({ body: 'mint h1', dedupId: 'h1' })
      const second = await queue.send({ body: 'mint h1 again', dedupId: 'h1' })
      if (target.reportsDuplicates) {
        assert.deepEqual(second, { enqueued: false, messageId: first.messageId })
      } else {
        // the documented adapter difference: the drop is silent
        assert.equal(second.enqueued, true)
        assert.equal(typeof second.messageId, 'string')
      }
      assert.deepEqual(
        (await queue.receive({ max: 10 })).map((m) => [m.body, m.messageId]),
        [['mint h1', first.messageId]],
      )
    })

    it('makes a message visible again when its visibility timeout expires, with receiveCount + 1', async () => {
      const queue = await target.open()
      await queue.send({ body: 'job', dedupId: 'j' })
      const [first] = await queue.receive({ visibilityTimeoutMs: 1000 })
      assert.equal(first?.receiveCount, 1)
      assert.deepEqual(await queue.receive(), [])
      await target.advance(1000)
      const [second] = await queue.receive({ visibilityTimeoutMs: 1000 })
      assert.equal(second?.messageId, first.messageId)
      assert.equal(second.receiveCount, 2)
      assert.notEqual(second.receiptHandle, first.receiptHandle)
    })

    it('a stale receipt handle cannot delete, hide or dead-letter a message that was received again', async () => {
      const queue = await target.open()
      await queue.send({ body: 'job', dedupId: 'j' })
      const [first] = await queue.receive({ visibilityTimeoutMs: 1000 })
      await target.advance(1000)
      const [second] = await queue.receive({ visibilityTimeoutMs: 1000 })
      assert.ok(first && second)
      assert.equal(await queue.delete(first.receiptHandle), false)
      assert.equal(await queue.changeVisibility(first.receiptHandle, 0), false)
      assert.equal(await queue.deadLetter(first.receiptHandle, 'poison'), false)
      assert.deepEqual(await queue.deadLetters(), [])
      await target.advance(1000)
      const [third] = await queue.receive({ visibilityTimeoutMs: 1000 })
      assert.equal(third?.receiveCount, 3)
      assert.equal(await queue.delete(second.receiptHandle), false)
      assert.equal(await queue.delete(third.receiptHandle), true)
      assert.equal(await queue.delete(third.receiptHandle), false)
      await target.advance(1000)
      assert.deepEqual(await queue.receive(), [])
    })

    it('changeVisibility extends the hiding or releases the message at once', async () => {
      const queue = await target.open()
      await queue.send({ body: 'job', dedupId: 'j' })
      const [message] = await queue.receive({ visibilityTimeoutMs: 1000 })
      assert.ok(message)
      assert.equal(await queue.changeVisibility(message.receiptHandle, 5000), true)
      await target.advance(1000)
      assert.deepEqual(await queue.receive(), [])
      assert.equal(await queue.changeVisibility(message.receiptHandle, 0), true)
      const [again] = await queue.receive()
      assert.equal(again?.receiveCount, 2)
    })

    it('moves a message received maxReceiveCount times to the dead letters at its next delivery', async () => {
      const queue = await target.open({ maxReceiveCount: 2 })
      const sent = await timedSend(queue, 'poison', 'p', 'g')
      await queue.send({ body: 'next in group', dedupId: 'n', groupId: 'g' })
      assert.deepEqual(
        (await queue.receive({ visibilityTimeoutMs: 1000 })).map((m) => [m.body, m.receiveCount]),
        [['poison', 1]],
      )
      await target.advance(1000)
      assert.deepEqual(
        (await queue.receive({ visibilityTimeoutMs: 1000 })).map((m) => [m.body, m.receiveCount]),
        [['poison', 2]],
      )
      await target.advance(1000)
      const movedAt = target.now()
      assert.deepEqual(
        (await queue.receive({ max: 10 })).map((m) => [m.body, m.receiveCount]),
        [['next in group', 1]],
      )
      const [dead, ...more] = await queue.deadLetters()
      assert.deepEqual(more, [])
      assert.ok(dead)
      const { sentAt, deadLetteredAt, ...rest } = dead
      assert.deepEqual(rest, {
        messageId: sent.messageId,
        body: 'poison',
        dedupId: 'p',
        groupId: 'g',
        receiveCount: 2,
        reason: 'received 2 times; maxReceiveCount is 2',
      })
      assert.ok(sentAt >= sent.before && sentAt <= sent.after, `sentAt ${sentAt}`)
      if (target.knowsRedriveTime) assert.equal(deadLetteredAt, movedAt)
      else assert.ok(deadLetteredAt >= sentAt && deadLetteredAt <= target.now(), `deadLetteredAt ${deadLetteredAt}`)
    })

    it('deadLetter moves a poison message at once with the given reason', async () => {
      const queue = await target.open()
      await queue.send({ body: '{"bad":', dedupId: 'x' })
      const [message] = await queue.receive()
      assert.ok(message)
      await target.advance(5)
      const before = target.now()
      assert.equal(await queue.deadLetter(message.receiptHandle, 'body is not JSON'), true)
      const after = target.now()
      assert.equal(await queue.delete(message.receiptHandle), false)
      const [dead] = await queue.deadLetters()
      assert.ok(dead)
      assert.deepEqual(
        [dead?.messageId, dead?.body, dead?.dedupId, dead?.groupId, dead?.reason, dead?.receiveCount, dead?.sentAt],
        [message.messageId, '{"bad":', 'x', undefined, 'body is not JSON', 1, message.sentAt],
      )
      assert.ok(dead.deadLetteredAt >= before && dead.deadLetteredAt <= after, `deadLetteredAt ${dead.deadLetteredAt}`)
      // a second look at the dead letters finds the same one: reading them does not consume them
      assert.deepEqual(await queue.deadLetters(), [dead])
      assert.deepEqual(await queue.receive(), [])
    })

    it('keeps each group in order and holds a group while one of its messages is in flight', async () => {
      const queue = await target.open()
      await queue.send({ body: 'a1', dedupId: 'a1', groupId: 'A' })
      await queue.send({ body: 'b1', dedupId: 'b1', groupId: 'B' })
      await queue.send({ body: 'a2', dedupId: 'a2', groupId: 'A' })
      await queue.send({ body: 'free', dedupId: 'f' })
      await queue.send({ body: 'b2', dedupId: 'b2', groupId: 'B' })

      const [a1] = await queue.receive({ max: 1 })
      assert.equal(a1?.body, 'a1')
      // A is held while a1 is in flight; B may go, in order
      const batch = await queue.receive({ max: 10 })
      assert.deepEqual(
        batch.map((m) => m.body),
        ['b1', 'free', 'b2'],
      )
      assert.deepEqual(await queue.receive({ max: 10 }), [])
      assert.equal(await queue.delete(a1.receiptHandle), true)
      assert.deepEqual(
        (await queue.receive({ max: 10 })).map((m) => m.body),
        ['a2'],
      )
    })

    it('redelivers an expired grouped message before the later messages of its group', async () => {
      const queue = await target.open()
      await queue.send({ body: 'first', dedupId: '1', groupId: 'G' })
      await queue.send({ body: 'second', dedupId: '2', groupId: 'G' })
      await queue.receive({ visibilityTimeoutMs: 1000 })
      await target.advance(1000)
      assert.deepEqual(
        (await queue.receive({ max: 10 })).map((m) => [m.body, m.receiveCount]),
        [
          ['first', 2],
          ['second', 1],
        ],
      )
    })

    it('two instances on one queue never deliver one message twice', async () => {
      const a = await target.open()
      const b = await target.open()
      for (let i = 0; i < 6; i++) await a.send({ body: `m${i}`, dedupId: `m${i}` })
      const [fromA, fromB] = await Promise.all([a.receive({ max: 4 }), b.receive({ max: 4 })])
      const bodies = [...(fromA ?? []), ...(fromB ?? [])].map((m) => m.body).sort()
      assert.deepEqual(bodies, ['m0', 'm1', 'm2', 'm3', 'm4', 'm5'])
    })

    it('keeps queues with different names apart', async () => {
      const mint = await target.open({ name: 'mint' })
      const alerts = await target.open({ name: 'alerts' })
      await mint.send({ body: 'm', dedupId: 'same' })
      assert.equal((await alerts.send({ body: 'a', dedupId: 'same' })).enqueued, true)
      assert.deepEqual(
        (await alerts.receive({ max: 10 })).map((m) => m.body),
        ['a'],
      )
    })

    it('refuses bad input with QUEUE_INVALID_INPUT and calls after close with QUEUE_CLOSED, never echoing a body', async () => {
      const queue = await target.open()
      await assert.rejects(queue.send({ body: '', dedupId: 'd' }), failsWith('QUEUE_INVALID_INPUT'))
      await assert.rejects(
        queue.send({ body: `mnemonic legal winner ${'x'.repeat(262_145)}`, dedupId: 'd' }),
        (error: unknown) => failsWith('QUEUE_INVALID_INPUT')(error) && !(error as Error).message.includes('legal'),
      )
      await assert.rejects(
        queue.send({ body: 'b', dedupId: 'has space' }),
        failsWith('QUEUE_INVALID_INPUT', 'a dedup id is 1 to 128 printable ASCII characters'),
      )
      await assert.rejects(queue.send({ body: 'b', dedupId: 'd', groupId: '' }), failsWith('QUEUE_INVALID_INPUT'))
      await assert.rejects(
        queue.receive({ max: 11 }),
        failsWith('QUEUE_INVALID_INPUT', 'max is a whole number from 1 to 10'),
      )
      await assert.rejects(queue.receive({ visibilityTimeoutMs: -1 }), failsWith('QUEUE_INVALID_INPUT'))
      await assert.rejects(queue.delete(''), failsWith('QUEUE_INVALID_INPUT'))
      await assert.rejects(queue.deadLetter('h', ''), failsWith('QUEUE_INVALID_INPUT'))
      await assert.rejects(queue.deadLetters({ limit: 0 }), failsWith('QUEUE_INVALID_INPUT'))
      await queue.close()
      await assert.rejects(queue.send({ body: 'b', dedupId: 'd' }), failsWith('QUEUE_CLOSED'))
      await assert.rejects(queue.receive(), failsWith('QUEUE_CLOSED'))
      await queue.close()
    })
  })
}
