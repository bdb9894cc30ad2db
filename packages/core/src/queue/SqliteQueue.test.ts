import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { fileURLToPath } from 'node:url'
import { isChainopsError } from '../errors/ChainopsError.ts'
import { QueueError } from './QueueError.ts'
import { SqliteQueue, type SqliteQueueParameters } from './SqliteQueue.ts'

const drainScript = fileURLToPath(new URL('./testProcesses/drainQueue.ts', import.meta.url))

function failsWith(code: string, details?: string) {
  return (error: unknown) => isChainopsError(error, code) && (details === undefined || error.details === details)
}

describe('SqliteQueue', () => {
  let dir: string
  let path: string
  let clock: number
  const opened: SqliteQueue[] = []
  const open = (parameters: Partial<SqliteQueueParameters> = {}) => {
    const queue = new SqliteQueue({ path, now: () => clock, ...parameters })
    opened.push(queue)
    return queue
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'chainops-queue-'))
    path = join(dir, 'queue.db')
    clock = 1_700_000_000_000
  })
  afterEach(async () => {
    for (const queue of opened.splice(0)) await queue.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('delivers messages first in, first out, with receiveCount 1 and the send time', async () => {
    const queue = open()
    for (const body of ['a', 'b', 'c']) {
      assert.equal((await queue.send({ body, dedupId: `d-${body}` })).enqueued, true)
      clock += 1
    }
    const messages = await queue.receive({ max: 10 })
    assert.deepEqual(
      messages.map((m) => [m.body, m.dedupId, m.groupId, m.receiveCount, m.sentAt]),
      [
        ['a', 'd-a', undefined, 1, 1_700_000_000_000],
        ['b', 'd-b', undefined, 1, 1_700_000_000_001],
        ['c', 'd-c', undefined, 1, 1_700_000_000_002],
      ],
    )
    assert.equal(new Set(messages.map((m) => m.receiptHandle)).size, 3)
    assert.deepEqual(await queue.receive({ max: 10 }), [])
  })

  it('receive returns at most max messages, oldest first', async () => {
    const queue = open()
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

  it('drops a second message with the same dedup id within the window, even after the first was deleted', async () => {
    const queue = open({ dedupWindowMs: 300_000 })
    const first = await queue.send({ body: 'mint h1', dedupId: 'h1' })
    const second = await queue.send({ body: 'mint h1 again', dedupId: 'h1' })
    assert.deepEqual(second, { enqueued: false, messageId: first.messageId })
    const [message] = await queue.receive({ max: 10 })
    assert.equal(message?.body, 'mint h1')
    assert.equal(await queue.delete(message.receiptHandle), true)
    clock += 299_999
    assert.deepEqual(await queue.send({ body: 'late duplicate', dedupId: 'h1' }), {
      enqueued: false,
      messageId: first.messageId,
    })
    clock += 1
    const after = await queue.send({ body: 'after the window', dedupId: 'h1' })
    assert.equal(after.enqueued, true)
    assert.notEqual(after.messageId, first.messageId)
    assert.deepEqual(
      (await queue.receive({ max: 10 })).map((m) => m.body),
      ['after the window'],
    )
  })

  it('makes a message visible again when its visibility timeout expires, with receiveCount + 1', async () => {
    const queue = open()
    await queue.send({ body: 'job', dedupId: 'j' })
    const [first] = await queue.receive({ visibilityTimeoutMs: 1000 })
    assert.equal(first?.receiveCount, 1)
    clock += 999
    assert.deepEqual(await queue.receive(), [])
    clock += 1
    const [second] = await queue.receive({ visibilityTimeoutMs: 1000 })
    assert.equal(second?.messageId, first.messageId)
    assert.equal(second.receiveCount, 2)
    assert.notEqual(second.receiptHandle, first.receiptHandle)
  })

  it('a stale receipt handle cannot delete, hide or dead-letter a message that was received again', async () => {
    const queue = open()
    await queue.send({ body: 'job', dedupId: 'j' })
    const [first] = await queue.receive({ visibilityTimeoutMs: 1000 })
    clock += 1000
    const [second] = await queue.receive({ visibilityTimeoutMs: 1000 })
    assert.ok(first && second)
    assert.equal(await queue.delete(first.receiptHandle), false)
    assert.equal(await queue.changeVisibility(first.receiptHandle, 0), false)
    assert.equal(await queue.deadLetter(first.receiptHandle, 'poison'), false)
    assert.deepEqual(await queue.deadLetters(), [])
    clock += 1000
    const [third] = await queue.receive()
    assert.equal(third?.receiveCount, 3)
    assert.equal(await queue.delete(second.receiptHandle), false)
    assert.equal(await queue.delete(third.receiptHandle), true)
    assert.equal(await queue.delete(third.receiptHandle), false)
    clock += 1_000_000
    assert.deepEqual(await queue.receive(), [])
  })

  it('changeVisibility extends the hiding or releases the message at once', async () => {
    const queue = open()
    await queue.send({ body: 'job', dedupId: 'j' })
    const [message] = await queue.receive({ visibilityTimeoutMs: 1000 })
    assert.ok(message)
    assert.equal(await queue.changeVisibility(message.receiptHandle, 5000), true)
    clock += 4999
    assert.deepEqual(await queue.receive(), [])
    assert.equal(await queue.changeVisibility(message.receiptHandle, 0), true)
    const [again] = await queue.receive()
    assert.equal(again?.receiveCount, 2)
  })

  it('moves a message received maxReceiveCount times to the dead letters at its next delivery', async () => {
    const queue = open({ maxReceiveCount: 2 })
    const { messageId } = await queue.send({ body: 'poison', dedupId: 'p', groupId: 'g' })
    await queue.send({ body: 'next in group', dedupId: 'n', groupId: 'g' })
    assert.deepEqual(
      (await queue.receive({ visibilityTimeoutMs: 10 })).map((m) => [m.body, m.receiveCount]),
      [['poison', 1]],
    )
    clock += 10
    assert.deepEqual(
      (await queue.receive({ visibilityTimeoutMs: 10 })).map((m) => [m.body, m.receiveCount]),
      [['poison', 2]],
    )
    clock += 10
    assert.deepEqual(
      (await queue.receive({ max: 10 })).map((m) => [m.body, m.receiveCount]),
      [['next in group', 1]],
    )
    assert.deepEqual(await queue.deadLetters(), [
      {
        messageId,
        body: 'poison',
        dedupId: 'p',
        groupId: 'g',
        receiveCount: 2,
        sentAt: 1_700_000_000_000,
        reason: 'received 2 times; maxReceiveCount is 2',
        deadLetteredAt: 1_700_000_000_020,
      },
    ])
  })

  it('deadLetter moves a poison message at once with the given reason', async () => {
    const queue = open()
    await queue.send({ body: '{"bad":', dedupId: 'x' })
    const [message] = await queue.receive()
    assert.ok(message)
    clock += 5
    assert.equal(await queue.deadLetter(message.receiptHandle, 'body is not JSON'), true)
    assert.equal(await queue.delete(message.receiptHandle), false)
    const [dead] = await queue.deadLetters()
    assert.deepEqual(
      [dead?.body, dead?.reason, dead?.receiveCount, dead?.deadLetteredAt],
      ['{"bad":', 'body is not JSON', 1, 1_700_000_000_005],
    )
    clock += 1_000_000
    assert.deepEqual(await queue.receive(), [])
  })

  it('keeps each group in order and holds a group while one of its messages is in flight', async () => {
    const queue = open()
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
    const queue = open()
    await queue.send({ body: 'first', dedupId: '1', groupId: 'G' })
    await queue.send({ body: 'second', dedupId: '2', groupId: 'G' })
    await queue.receive({ visibilityTimeoutMs: 100 })
    clock += 100
    assert.deepEqual(
      (await queue.receive({ max: 10 })).map((m) => [m.body, m.receiveCount]),
      [
        ['first', 2],
        ['second', 1],
      ],
    )
  })

  it('two instances on one file never deliver one message twice, and messages survive a reopen', async () => {
    const a = open()
    const b = open()
    for (let i = 0; i < 6; i++) await a.send({ body: `m${i}`, dedupId: `m${i}` })
    const [fromA, fromB] = await Promise.all([a.receive({ max: 4 }), b.receive({ max: 4 })])
    const bodies = [...(fromA ?? []), ...(fromB ?? [])].map((m) => m.body).sort()
    assert.deepEqual(bodies, ['m0', 'm1', 'm2', 'm3', 'm4', 'm5'])
    await a.close()
    await b.close()
    clock += 30_000
    const reopened = open()
    assert.equal((await reopened.receive({ max: 10 })).length, 6)
    // a dedup id is remembered across a reopen too
    assert.equal((await reopened.send({ body: 'again', dedupId: 'm0' })).enqueued, false)
  })

  it('three processes draining one queue receive every message exactly once', async () => {
    const queue = open({ now: Date.now })
    const sent = Array.from({ length: 300 }, (_, i) => `m${String(i).padStart(3, '0')}`)
    for (const body of sent) await queue.send({ body, dedupId: body })
    const children = [1, 2, 3].map(() => {
      const child = spawn(process.execPath, [drainScript, path], { stdio: ['pipe', 'pipe', 'inherit'] })
      let stdout = ''
      const ready = new Promise<void>((resolve) => {
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          stdout += chunk
          if (stdout.startsWith('READY\n')) resolve()
        })
      })
      const done = once(child, 'close').then(([code]) => {
        assert.equal(code, 0)
        return JSON.parse(stdout.slice('READY\n'.length)) as string[]
      })
      return { child, ready, done }
    })
    await Promise.all(children.map((c) => c.ready))
    for (const { child } of children) child.stdin.end('go\n')
    const perChild = await Promise.all(children.map((c) => c.done))
    const received = perChild.flat()
    // every child got a share, so receives really raced
    assert.ok(
      perChild.every((bodies) => bodies.length > 0),
      `shares: ${perChild.map((b) => b.length)}`,
    )
    assert.equal(received.length, 300)
    assert.deepEqual([...received].sort(), sent)
    assert.deepEqual(await queue.receive({ max: 10 }), [])
  })

  it('keeps queues with different names on one file apart', async () => {
    const mint = open({ name: 'mint' })
    const alerts = open({ name: 'alerts' })
    await mint.send({ body: 'm', dedupId: 'same' })
    assert.equal((await alerts.send({ body: 'a', dedupId: 'same' })).enqueued, true)
    assert.deepEqual(
      (await alerts.receive({ max: 10 })).map((m) => m.body),
      ['a'],
    )
  })

  it('refuses bad input with QUEUE_INVALID_INPUT and calls after close with QUEUE_CLOSED', async () => {
    const queue = open()
    await assert.rejects(queue.send({ body: '', dedupId: 'd' }), failsWith('QUEUE_INVALID_INPUT'))
    await assert.rejects(queue.send({ body: 'x'.repeat(262_145), dedupId: 'd' }), failsWith('QUEUE_INVALID_INPUT'))
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
    assert.throws(() => new SqliteQueue({ path, maxReceiveCount: 0 }), failsWith('QUEUE_INVALID_INPUT'))
    await queue.close()
    await assert.rejects(queue.send({ body: 'b', dedupId: 'd' }), failsWith('QUEUE_CLOSED'))
  })

  it('reports a lock held past the busy timeout as QUEUE_BUSY', async () => {
    const queue = open({ busyTimeoutMs: 50 })
    const holder = new DatabaseSync(path)
    holder.exec('BEGIN IMMEDIATE')
    try {
      await assert.rejects(queue.send({ body: 'b', dedupId: 'd' }), failsWith('QUEUE_BUSY'))
    } finally {
      holder.exec('ROLLBACK')
      holder.close()
    }
    assert.equal((await queue.send({ body: 'b', dedupId: 'd' })).enqueued, true)
  })

  it('QueueError is a ChainopsError with a stable code', () => {
    const error = new QueueError({ code: 'QUEUE_BUSY', shortMessage: 'busy' })
    assert.equal(error.name, 'QueueError')
    assert.ok(isChainopsError(error, 'QUEUE_BUSY'))
  })
})
