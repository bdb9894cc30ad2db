import { DatabaseSync } from 'node:sqlite'

export type OpenSqliteDatabaseParameters = {
  /** A file path, or `:memory:`. */
  path: string
  /** How long a writer waits for another connection's lock before SQLITE_BUSY (default 5000 ms). */
  busyTimeoutMs?: number | undefined
}

/**
 * Opens a node:sqlite database the way every embedded chainops table wants it: WAL (readers do not
 * block the writer, and a crash before COMMIT leaves only uncommitted WAL frames that recovery
 * ignores), `synchronous = FULL` (a committed money movement survives power loss too), and a busy
 * timeout so concurrent processes queue for the write lock instead of failing at once.
 */
export function openSqliteDatabase(parameters: OpenSqliteDatabaseParameters): DatabaseSync {
  const db = new DatabaseSync(parameters.path, { timeout: parameters.busyTimeoutMs ?? 5000 })
  try {
    db.exec('PRAGMA journal_mode = WAL')
    db.exec('PRAGMA synchronous = FULL')
  } catch (error) {
    db.close()
    throw error
  }
  return db
}
