import { assertStoreTable } from './assertStoreTable.ts'
import { invalidStoreInput } from './invalidStoreInput.ts'

/** DynamoDB's sort key limit; SqliteStore keeps to it so that the two stores are interchangeable. */
const MAX_KEY_BYTES = 1024

/** Asserts the address of one `Store` record: its table name, and a key of 1 to 1024 bytes. */
export function assertStoreKey(table: string, key: string): void {
  assertStoreTable(table)
  if (typeof key !== 'string' || key.length === 0 || Buffer.byteLength(key) > MAX_KEY_BYTES)
    throw invalidStoreInput(`a key is a non-empty string of at most ${MAX_KEY_BYTES} bytes`)
}
