import { randomUUID } from 'node:crypto'
import type { DatabaseSync, StatementSync } from 'node:sqlite'
import { openSqliteDatabase } from '../store/openSqliteDatabase.ts'
import { runImmediateTransaction } from '../store/runImmediateTransaction.ts'
import { assertDeadLetterReason } from './assertDeadLetterReason.ts'
import { assertQueueWholeNumber } from './assertQueueWholeNumber.ts'
import { assertReceiptHandle } from './assertReceiptHandle.ts'
import { assertSendMessageParameters } from './assertSendMessageParameters.ts'
import { assertVisibilityTimeout } from './assertVisibilityTimeout.ts'
import { invalidQueueInput } from './invalidQueueInput.ts'
import { parseReceiveParameters } from './parseReceiveParameters.ts'
import type {
  DeadLetter,
  Queue,
  ReceivedMessage,
  ReceiveMessagesParameters,
  SendMessageParameters,
  SendMessageResult,
} from './Queue.ts'
import { QueueError } from './QueueError.ts'
import { queueClosed } from './queueClosed.ts'

export type SqliteQueueParameters = {
  /** A file path (several processes may share it, and a SqliteStore may use the same file), or `:memory:`. */
  path: string
  /** Several queues can share one file; each name is its own queue (default `default`). */
  name?: string | undefined
  /** Deliveries before a message is moved to the dead letters instead (default 10). */
  maxReceiveCount?: number | undefined
  /** How long a dedup id is remembered (default 5 minutes, as SQS FIFO). */
  dedupWindowMs?: number | undefined
  /** Default visibility timeout of `receive` (default 30 s). */
  visibilityTimeoutMs?: number | undefined
  /** The clock, ms since the epoch (tests inject one). */
  now?: (() => number) | undefined
  /** How long a call waits for another process's lock (default 5000 ms). */
  busyTimeoutMs?: number | undefined
}

/** Receipt handles this queue makes are `<uuid>.<count>.<uuid>`, well under this. */
const MAX_HANDLE_LENGTH = 200
const SQLITE_BUSY = 5

type MessageRow = {
  seq: number
  message_id: string
  body: string
  dedup_id: string
  group_id: string | null
  sent_at: number
  receive_count: number
}

type DeadLetterRow = MessageRow & { reason: string; dead_lettered_at: number }

function translate(error: unknown): unknown {
  if ((error as { errcode?: unknown })?.errcode === SQLITE_BUSY)
    return new QueueError({
      code: 'QUEUE_BUSY',
      shortMessage: 'Queue is busy',
      details: 'another process held the database lock past the busy timeout',
      cause: error,
    })
  return error
}

/**
 * The embedded `Queue` on node:sqlite (WAL). Each call is one `BEGIN IMMEDIATE` transaction, so
 * any number of processes can send and receive on one file without delivering a message to two
 * receivers at once. See {@link Queue} for the semantics, which follow SQS FIFO.
 */
export class SqliteQueue implements Queue {
  readonly name: string
  readonly maxReceiveCount: number
  readonly dedupWindowMs: number
  readonly visibilityTimeoutMs: number
  readonly #now: () => number
  readonly #db: DatabaseSync
  readonly #sql: Record<
    | 'findDedup'
    | 'putDedup'
    | 'purgeDedup'
    | 'insert'
    | 'overLimit'
    | 'candidates'
    | 'markReceived'
    | 'byHandle'
    | 'deleteBySeq'
    | 'deleteByHandle'
    | 'changeVisibility'
    | 'insertDeadLetter'
    | 'deadLetters',
    StatementSync
  >
  #closed = false

  constructor(parameters: SqliteQueueParameters) {
    const {
      path,
      name = 'default',
      maxReceiveCount = 10,
      dedupWindowMs = 5 * 60 * 1000,
      visibilityTimeoutMs = 30_000,
      now = Date.now,
      busyTimeoutMs,
    } = parameters
    if (typeof name !== 'string' || !/^[A-Za-z0-9_.-]{1,80}$/.test(name))
      throw invalidQueueInput('a queue name is 1 to 80 characters of letters, digits, _ . -')
    assertQueueWholeNumber(maxReceiveCount, 'maxReceiveCount', 1, 1000)
    assertQueueWholeNumber(dedupWindowMs, 'dedupWindowMs', 0, Number.MAX_SAFE_INTEGER)
    assertVisibilityTimeout(visibilityTimeoutMs)
    this.name = name
    this.maxReceiveCount = maxReceiveCount
    this.dedupWindowMs = dedupWindowMs
    this.visibilityTimeoutMs = visibilityTimeoutMs
    this.#now = now
    const db = openSqliteDatabase({ path, busyTimeoutMs })
    this.#db = db
    db.exec(`
      CREATE TABLE IF NOT EXISTS chainops_queue_messages (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        queue TEXT NOT NULL,
        message_id TEXT NOT NULL UNIQUE,
        body TEXT NOT NULL,
        dedup_id TEXT NOT NULL,
        group_id TEXT,
        sent_at INTEGER NOT NULL,
        visible_at INTEGER NOT NULL,
        receive_count INTEGER NOT NULL DEFAULT 0,
        receipt_handle TEXT UNIQUE
      );
      CREATE INDEX IF NOT EXISTS chainops_queue_messages_visible ON chainops_queue_messages (queue, visible_at, seq);
      CREATE INDEX IF NOT EXISTS chainops_queue_messages_group ON chainops_queue_messages (queue, group_id, visible_at);
      CREATE TABLE IF NOT EXISTS chainops_queue_dedup (
        queue TEXT NOT NULL,
        dedup_id TEXT NOT NULL,
        message_id TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        PRIMARY KEY (queue, dedup_id)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS chainops_queue_dedup_expiry ON chainops_queue_dedup (queue, expires_at);
      CREATE TABLE IF NOT EXISTS chainops_queue_dead_letters (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        queue TEXT NOT NULL,
        message_id TEXT NOT NULL,
        body TEXT NOT NULL,
        dedup_id TEXT NOT NULL,
        group_id TEXT,
        sent_at INTEGER NOT NULL,
        receive_count INTEGER NOT NULL,
        reason TEXT NOT NULL,
        dead_lettered_at INTEGER NOT NULL
      );
    `)
    const columns = 'seq, message_id, body, dedup_id, group_id, sent_at, receive_count'
    this.#sql = {
      findDedup: db.prepare(
        'SELECT message_id FROM chainops_queue_dedup WHERE queue = ? AND dedup_id = ? AND expires_at > ?',
      ),
      putDedup: db.prepare(
        `INSERT INTO chainops_queue_dedup (queue, dedup_id, message_id, expires_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (queue, dedup_id) DO UPDATE SET message_id = excluded.message_id, expires_at = excluded.expires_at`,
      ),
      purgeDedup: db.prepare('DELETE FROM chainops_queue_dedup WHERE queue = ? AND expires_at <= ?'),
      insert: db.prepare(
        `INSERT INTO chainops_queue_messages (queue, message_id, body, dedup_id, group_id, sent_at, visible_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      overLimit: db.prepare(
        `SELECT ${columns} FROM chainops_queue_messages
         WHERE queue = ? AND visible_at <= ? AND receive_count >= ? ORDER BY seq`,
      ),
      // a grouped message waits while any message of its group is in flight (hidden)
      candidates: db.prepare(
        `SELECT ${columns} FROM chainops_queue_messages AS m
         WHERE m.queue = ? AND m.visible_at <= ?
           AND (m.group_id IS NULL OR NOT EXISTS (
             SELECT 1 FROM chainops_queue_messages AS f
             WHERE f.queue = m.queue AND f.group_id = m.group_id AND f.visible_at > ?))
         ORDER BY m.seq LIMIT ?`,
      ),
      markReceived: db.prepare(
        `UPDATE chainops_queue_messages SET receive_count = receive_count + 1, receipt_handle = ?, visible_at = ?
         WHERE seq = ?`,
      ),
      byHandle: db.prepare(`SELECT ${columns} FROM chainops_queue_messages WHERE queue = ? AND receipt_handle = ?`),
      deleteBySeq: db.prepare('DELETE FROM chainops_queue_messages WHERE seq = ?'),
      deleteByHandle: db.prepare('DELETE FROM chainops_queue_messages WHERE queue = ? AND receipt_handle = ?'),
      changeVisibility: db.prepare(
        'UPDATE chainops_queue_messages SET visible_at = ? WHERE queue = ? AND receipt_handle = ?',
      ),
      insertDeadLetter: db.prepare(
        `INSERT INTO chainops_queue_dead_letters
           (queue, message_id, body, dedup_id, group_id, sent_at, receive_count, reason, dead_lettered_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      deadLetters: db.prepare(
        `SELECT ${columns}, reason, dead_lettered_at FROM chainops_queue_dead_letters WHERE queue = ? ORDER BY seq LIMIT ?`,
      ),
    }
  }

  send(parameters: SendMessageParameters): Promise<SendMessageResult> {
    return this.#call(() => {
      assertSendMessageParameters(parameters)
      const { body, dedupId, groupId } = parameters
      return runImmediateTransaction(this.#db, () => {
        const now = this.#now()
        const seen = this.#sql.findDedup.get(this.name, dedupId, now) as { message_id: string } | undefined
        if (seen) return { enqueued: false, messageId: seen.message_id }
        this.#sql.purgeDedup.run(this.name, now)
        const messageId = randomUUID()
        this.#sql.putDedup.run(this.name, dedupId, messageId, now + this.dedupWindowMs)
        this.#sql.insert.run(this.name, messageId, body, dedupId, groupId ?? null, now, now)
        return { enqueued: true, messageId }
      })
    })
  }

  receive(parameters: ReceiveMessagesParameters = {}): Promise<ReceivedMessage[]> {
    return this.#call(() => {
      const { max, visibilityTimeoutMs } = parseReceiveParameters(parameters, this.visibilityTimeoutMs)
      return runImmediateTransaction(this.#db, () => {
        const now = this.#now()
        // as SQS: a message received maxReceiveCount times goes to the dead letters when it would be delivered again
        for (const row of this.#sql.overLimit.all(this.name, now, this.maxReceiveCount) as MessageRow[]) {
          this.#moveToDeadLetters(
            row,
            `received ${row.receive_count} times; maxReceiveCount is ${this.maxReceiveCount}`,
            now,
          )
        }
        const rows = this.#sql.candidates.all(this.name, now, now, max) as MessageRow[]
        return rows.map((row) => {
          const receiptHandle = `${row.message_id}.${row.receive_count + 1}.${randomUUID()}`
          this.#sql.markReceived.run(receiptHandle, now + visibilityTimeoutMs, row.seq)
          return {
            messageId: row.message_id,
            body: row.body,
            dedupId: row.dedup_id,
            groupId: row.group_id ?? undefined,
            receiptHandle,
            receiveCount: row.receive_count + 1,
            sentAt: row.sent_at,
          }
        })
      })
    })
  }

  delete(receiptHandle: string): Promise<boolean> {
    return this.#call(() => {
      assertReceiptHandle(receiptHandle, MAX_HANDLE_LENGTH)
      return this.#sql.deleteByHandle.run(this.name, receiptHandle).changes === 1
    })
  }

  changeVisibility(receiptHandle: string, visibilityTimeoutMs: number): Promise<boolean> {
    return this.#call(() => {
      assertReceiptHandle(receiptHandle, MAX_HANDLE_LENGTH)
      assertVisibilityTimeout(visibilityTimeoutMs)
      const visibleAt = this.#now() + visibilityTimeoutMs
      return this.#sql.changeVisibility.run(visibleAt, this.name, receiptHandle).changes === 1
    })
  }

  deadLetter(receiptHandle: string, reason: string): Promise<boolean> {
    return this.#call(() => {
      assertReceiptHandle(receiptHandle, MAX_HANDLE_LENGTH)
      assertDeadLetterReason(reason)
      return runImmediateTransaction(this.#db, () => {
        const row = this.#sql.byHandle.get(this.name, receiptHandle) as MessageRow | undefined
        if (!row) return false
        this.#moveToDeadLetters(row, reason, this.#now())
        return true
      })
    })
  }

  deadLetters(options: { limit?: number | undefined } = {}): Promise<DeadLetter[]> {
    return this.#call(() => {
      const { limit = 100 } = options
      assertQueueWholeNumber(limit, 'limit', 1, 1000)
      return (this.#sql.deadLetters.all(this.name, limit) as DeadLetterRow[]).map((row) => ({
        messageId: row.message_id,
        body: row.body,
        dedupId: row.dedup_id,
        groupId: row.group_id ?? undefined,
        receiveCount: row.receive_count,
        sentAt: row.sent_at,
        reason: row.reason,
        deadLetteredAt: row.dead_lettered_at,
      }))
    })
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    this.#db.close()
  }

  #moveToDeadLetters(row: MessageRow, reason: string, now: number): void {
    this.#sql.insertDeadLetter.run(
      this.name,
      row.message_id,
      row.body,
      row.dedup_id,
      row.group_id,
      row.sent_at,
      row.receive_count,
      reason,
      now,
    )
    this.#sql.deleteBySeq.run(row.seq)
  }

  /** node:sqlite is synchronous; the interface is not, so that an SQS adapter fits it. */
  #call<TResult>(operation: () => TResult): Promise<TResult> {
    try {
      if (this.#closed) throw queueClosed()
      return Promise.resolve(operation())
    } catch (error) {
      return Promise.reject(translate(error))
    }
  }
}
