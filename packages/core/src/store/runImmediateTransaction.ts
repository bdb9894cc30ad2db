import type { DatabaseSync } from 'node:sqlite'

/**
 * Runs synchronous `fn` inside `BEGIN IMMEDIATE` (the write lock is taken up front, so two writers
 * never both read and then both write) and commits, or rolls back and rethrows if `fn` throws.
 */
export function runImmediateTransaction<TResult>(db: DatabaseSync, fn: () => TResult): TResult {
  db.exec('BEGIN IMMEDIATE')
  try {
    const result = fn()
    db.exec('COMMIT')
    return result
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK')
    throw error
  }
}
