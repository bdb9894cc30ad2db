import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { fileURLToPath } from 'node:url'
import type { CoreErrorCode } from '../errors/CoreErrorCode.ts'
import { isChainopsError } from '../errors/isChainopsError.ts'
import { queueContract } from '../testing/queueContract.ts'
import { QueueError } from './QueueError.ts'
import { SqliteQueue, type SqliteQueueParameters } from './SqliteQueue.ts'

const drainScript = fileURLToPath(new URL('./testProcesses/drainQueue.ts', import.meta.url))

function failsWith(code: CoreErrorCode, details?: string) {
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

  queueContract('the Queue contract', () => {
    const contractDir = mkdtempSync(join(tmpdir(), 'chainops-queue-contract-'))
    const queues: SqliteQueue[] = []
    let fakeClock = 1_700_000_000_000
    return {
      open: async ({ name, maxReceiveCount } = {}) => {
        const queue = new SqliteQueue({
          path: join(contractDir, 'queue.db'),
          now: () => fakeClock,
          name,
          maxReceiveCount,
        })
        queues.push(queue)
        return queue
      },
      now: () => fakeClock,
      advance: async (ms) => {
        fakeClock += ms
      },
      reportsDuplicates: true,
      knowsRedriveTime: true,
      dispose: async () => {
        for (const queue of queues) await queue.close()
        rmSync(contractDir, { recursive: true, force: true })
      },
    }
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

  it('messages and dedup ids survive closing and reopening the file', async () => {
    const a = open()
    for (let i = 0; i < 6; i++) await a.send({ body: `m${i}`, dedupId: `m${i}` })
    assert.equal((await a.receive({ max: 4 })).length, 4)
    await a.close()
    clock += 30_000
    const reopened = open()
    assert.equal((await reopened.receive({ max: 10 })).length, 6)
    // a dedup id is remembered across a reopen too
    assert.equal((await reopened.send({ body: 'again', dedupId: 'm0' })).enqueued, false)
  })

  it('hides a message to the millisecond: visible at exactly its visibility deadline, and never again once deleted', async () => {
    const queue = open()
    await queue.send({ body: 'job', dedupId: 'j' })
    const [first] = await queue.receive({ visibilityTimeoutMs: 1000 })
    clock += 999
    assert.deepEqual(await queue.receive(), [])
    clock += 1
    const [second] = await queue.receive({ visibilityTimeoutMs: 1000 })
    assert.equal(second?.messageId, first?.messageId)
    assert.ok(second)
    assert.equal(await queue.changeVisibility(second.receiptHandle, 5000), true)
    clock += 4999
    assert.deepEqual(await queue.receive(), [])
    clock += 1
    const [third] = await queue.receive()
    assert.equal(third?.receiveCount, 3)
    assert.equal(await queue.delete(third.receiptHandle), true)
    clock += 1_000_000
    assert.deepEqual(await queue.receive(), [])
  })

  it('refuses a bad maxReceiveCount when constructed', () => {
    assert.throws(() => new SqliteQueue({ path, maxReceiveCount: 0 }), failsWith('QUEUE_INVALID_INPUT'))
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
