import { AsyncLocalStorage } from 'node:async_hooks'
import type { DatabaseSync, StatementSync } from 'node:sqlite'
import { assertStoreKey } from './assertStoreKey.ts'
import { assertStoreKeys } from './assertStoreKeys.ts'
import { assertStoreVersion } from './assertStoreVersion.ts'
import { openSqliteDatabase } from './openSqliteDatabase.ts'
import { parseListOptions } from './parseListOptions.ts'
import type {
  ListOptions,
  ListResult,
  Store,
  StoredRecord,
  StoreKey,
  StoreOperations,
  StoreTransaction,
} from './Store.ts'
import { StoreError } from './StoreError.ts'
import { serialiseStoreValue } from './serialiseStoreValue.ts'
import { storeClosed } from './storeClosed.ts'
import { storeConditionFailed } from './storeConditionFailed.ts'
import { storeNestedTransaction } from './storeNestedTransaction.ts'
import { storeTransactionEnded } from './storeTransactionEnded.ts'
import { storeVersionMismatch } from './storeVersionMismatch.ts'

export type SqliteStoreParameters = {
  /** A file path (shared safely by several processes), or `:memory:`. */
  path: string
  /** How long a write waits for another process's lock (default 5000 ms). */
  busyTimeoutMs?: number | undefined
}

const SQLITE_BUSY = 5

type Row = { tbl: string; key: string; version: number; value: string }

/** Which SqliteStore's transaction callback the current async context is inside. */
const activeTransaction = new AsyncLocalStorage<SqliteStore>()

/** node:sqlite errors carry `errcode`; a lock held past the busy timeout becomes STORE_BUSY. */
function translate(error: unknown): unknown {
  if ((error as { errcode?: unknown })?.errcode === SQLITE_BUSY)
    return new StoreError({
      code: 'STORE_BUSY',
      shortMessage: 'Store is busy',
      details: 'another writer held the database lock past the busy timeout',
      cause: error,
    })
  return error
}

function toRecord<TValue>(row: Row): StoredRecord<TValue> {
  return { table: row.tbl, key: row.key, version: row.version, value: JSON.parse(row.value) as TValue }
}

/**
 * The embedded `Store`: one node:sqlite file in WAL mode, any number of processes. Every write is
 * a single conditional statement, and `transaction` runs between `BEGIN IMMEDIATE` and `COMMIT`
 * (ROLLBACK on any throw), so a crash mid-transaction leaves nothing of it behind.
 *
 * Calls on one instance are serialised: while a transaction callback awaits, other callers of
 * the same instance wait for it to finish instead of slipping their statements into it.
 */
export class SqliteStore implements Store {
  readonly #db: DatabaseSync
  readonly #statements: {
    get: StatementSync
    insert: StatementSync
    update: StatementSync
    deleteAny: StatementSync
    deleteVersion: StatementSync
    list: StatementSync
  }
  #tail: Promise<unknown> = Promise.resolve()
  #closed = false

  constructor(parameters: SqliteStoreParameters) {
    this.#db = openSqliteDatabase(parameters)
    this.#db.exec(`CREATE TABLE IF NOT EXISTS chainops_records (
      tbl TEXT NOT NULL,
      key TEXT NOT NULL,
      version INTEGER NOT NULL,
      value TEXT NOT NULL,
      PRIMARY KEY (tbl, key)
    ) WITHOUT ROWID`)
    const db = this.#db
    this.#statements = {
      get: db.prepare('SELECT tbl, key, version, value FROM chainops_records WHERE tbl = ? AND key = ?'),
      insert: db.prepare(
        'INSERT INTO chainops_records (tbl, key, version, value) VALUES (?, ?, 1, ?) ON CONFLICT (tbl, key) DO NOTHING',
      ),
      update: db.prepare(
        'UPDATE chainops_records SET value = ?, version = version + 1 WHERE tbl = ? AND key = ? AND version = ?',
      ),
      deleteAny: db.prepare('DELETE FROM chainops_records WHERE tbl = ? AND key = ?'),
      deleteVersion: db.prepare('DELETE FROM chainops_records WHERE tbl = ? AND key = ? AND version = ?'),
      // substr() rather than LIKE: a prefix may hold % or _
      list: db.prepare(
        `SELECT tbl, key, version, value FROM chainops_records
         WHERE tbl = ? AND key > ? AND key >= ? AND substr(key, 1, length(?)) = ?
         ORDER BY key LIMIT ?`,
      ),
    }
  }

  get<TValue = unknown>(table: string, key: string): Promise<StoredRecord<TValue> | undefined> {
    return this.#run(() => this.#get<TValue>(table, key))
  }

  getMany(keys: readonly StoreKey[]): Promise<(StoredRecord | undefined)[]> {
    return this.#run(() => {
      assertStoreKeys(keys)
      return keys.map(({ table, key }) => this.#get(table, key))
    })
  }

  putIfAbsent(table: string, key: string, value: unknown): Promise<number> {
    return this.#run(() => this.#putIfAbsent(table, key, value))
  }

  compareAndSet(table: string, key: string, expectedVersion: number, next: unknown): Promise<number> {
    return this.#run(() => this.#compareAndSet(table, key, expectedVersion, next))
  }

  delete(table: string, key: string, expectedVersion?: number): Promise<boolean> {
    return this.#run(() => this.#delete(table, key, expectedVersion))
  }

  list<TValue = unknown>(table: string, options: ListOptions = {}): Promise<ListResult<TValue>> {
    return this.#run(() => {
      const { prefix, after, limit } = parseListOptions(table, options)
      // key > '' holds for every key (keys are never empty), so an absent `after` needs no other query
      const rows = this.#statements.list.all(table, after ?? '', prefix, prefix, prefix, limit + 1) as Row[]
      const page = rows.slice(0, limit)
      return {
        records: page.map((row) => toRecord<TValue>(row)),
        next: rows.length > limit ? page[page.length - 1]?.key : undefined,
      }
    })
  }

  async transaction<TResult>(fn: (tx: StoreTransaction) => Promise<TResult> | TResult): Promise<TResult> {
    this.#assertNotInsideTransaction()
    return this.#exclusive(async () => {
      this.#assertOpen()
      try {
        this.#db.exec('BEGIN IMMEDIATE')
      } catch (error) {
        throw translate(error)
      }
      let open = true
      const guard = <TValue>(run: () => TValue): Promise<TValue> => {
        if (!open) return Promise.reject(storeTransactionEnded())
        try {
          return Promise.resolve(run())
        } catch (error) {
          return Promise.reject(translate(error))
        }
      }
      const tx: StoreOperations = {
        get: (table, key) => guard(() => this.#get(table, key)),
        putIfAbsent: (table, key, value) => guard(() => this.#putIfAbsent(table, key, value)),
        compareAndSet: (table, key, version, next) => guard(() => this.#compareAndSet(table, key, version, next)),
        delete: (table, key, version) => guard(() => this.#delete(table, key, version)),
      }
      try {
        const result = await activeTransaction.run(this, () => fn(tx))
        open = false
        this.#db.exec('COMMIT')
        return result
      } catch (error) {
        open = false
        if (this.#db.isTransaction) this.#db.exec('ROLLBACK')
        throw translate(error)
      }
    })
  }

  async close(): Promise<void> {
    await this.#exclusive(() => {
      if (this.#closed) return
      this.#closed = true
      this.#db.close()
    })
  }

  #get<TValue>(table: string, key: string): StoredRecord<TValue> | undefined {
    assertStoreKey(table, key)
    const row = this.#statements.get.get(table, key) as Row | undefined
    return row ? toRecord<TValue>(row) : undefined
  }

  #putIfAbsent(table: string, key: string, value: unknown): number {
    assertStoreKey(table, key)
    const text = serialiseStoreValue(table, key, value)
    const { changes } = this.#statements.insert.run(table, key, text)
    if (changes !== 1) throw storeConditionFailed(table, key, 'the key already exists')
    return 1
  }

  #compareAndSet(table: string, key: string, expectedVersion: number, next: unknown): number {
    assertStoreKey(table, key)
    assertStoreVersion(expectedVersion)
    const text = serialiseStoreValue(table, key, next)
    const { changes } = this.#statements.update.run(text, table, key, expectedVersion)
    if (changes !== 1) throw this.#versionMismatch(table, key, expectedVersion)
    return expectedVersion + 1
  }

  #delete(table: string, key: string, expectedVersion: number | undefined): boolean {
    assertStoreKey(table, key)
    if (expectedVersion === undefined) return this.#statements.deleteAny.run(table, key).changes === 1
    assertStoreVersion(expectedVersion)
    if (this.#statements.deleteVersion.run(table, key, expectedVersion).changes !== 1)
      throw this.#versionMismatch(table, key, expectedVersion)
    return true
  }

  #versionMismatch(table: string, key: string, expectedVersion: number): StoreError {
    const current = this.#statements.get.get(table, key) as Row | undefined
    return storeVersionMismatch(table, key, expectedVersion, current?.version)
  }

  #assertOpen(): void {
    if (this.#closed) throw storeClosed()
  }

  #assertNotInsideTransaction(): void {
    if (activeTransaction.getStore() === this) throw storeNestedTransaction()
  }

  /** Runs a synchronous operation in turn with the others on this instance. */
  #run<TResult>(operation: () => TResult): Promise<TResult> {
    try {
      this.#assertNotInsideTransaction()
    } catch (error) {
      return Promise.reject(error)
    }
    return this.#exclusive(() => {
      this.#assertOpen()
      try {
        return operation()
      } catch (error) {
        throw translate(error)
      }
    })
  }

  #exclusive<TResult>(operation: () => Promise<TResult> | TResult): Promise<TResult> {
    const result = this.#tail.then(operation)
    this.#tail = result.catch(() => undefined)
    return result
  }
}
