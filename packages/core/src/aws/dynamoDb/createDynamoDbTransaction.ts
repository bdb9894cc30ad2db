import { assertStoreKey } from '../../store/assertStoreKey.ts'
import { assertStoreVersion } from '../../store/assertStoreVersion.ts'
import { invalidStoreInput } from '../../store/invalidStoreInput.ts'
import type { StoreOperations } from '../../store/Store.ts'
import { serialiseStoreValue } from '../../store/serialiseStoreValue.ts'
import { storeConditionFailed } from '../../store/storeConditionFailed.ts'
import { storeTransactionEnded } from '../../store/storeTransactionEnded.ts'
import { storeVersionMismatch } from '../../store/storeVersionMismatch.ts'
import type { DynamoDbTransactionEntry } from './DynamoDbTransactionEntry.ts'
import { type DynamoDbItem, dynamoDbRecordCodec } from './dynamoDbRecordCodec.ts'

/** TransactWriteItems takes at most 100 items. */
const MAX_TRANSACTION_RECORDS = 100

export type CreateDynamoDbTransactionParameters = {
  /** Reads a record's item from the table, strongly consistent. */
  read(table: string, key: string): Promise<DynamoDbItem | undefined>
  /** Throws STORE_CLOSED once the store is closed. */
  assertOpen(): void
}

export type CreateDynamoDbTransactionReturnType = {
  /** The transaction object `transaction(fn)` hands to `fn`. */
  tx: StoreOperations
  /** Ends the transaction (later calls on `tx` fail with STORE_CLOSED) and returns what to commit. */
  end(): DynamoDbTransactionEntry[]
}

/**
 * The optimistic side of a DynamoDbStore transaction: reads go to the table, writes are collected
 * (several on one record fold into its last state, so `fn` sees its own writes), and each record
 * remembers the version it had when first touched, which the commit then conditions on. Input is
 * checked as every Store checks it; conditions that already fail against what the transaction
 * has seen fail at once.
 */
export function createDynamoDbTransaction(
  parameters: CreateDynamoDbTransactionParameters,
): CreateDynamoDbTransactionReturnType {
  const { read, assertOpen } = parameters
  const entries = new Map<string, DynamoDbTransactionEntry>()
  let open = true
  const guard = async <T>(run: () => Promise<T> | T): Promise<T> => {
    if (!open) throw storeTransactionEnded()
    assertOpen()
    return run()
  }
  const entryKey = (table: string, key: string) => `${table}\u0000${key}`
  const add = (entry: DynamoDbTransactionEntry): DynamoDbTransactionEntry => {
    const existing = entries.get(entryKey(entry.table, entry.key))
    if (existing) return existing // another call of fn created it while this one was reading
    if (entries.size >= MAX_TRANSACTION_RECORDS)
      throw invalidStoreInput(
        `a transaction touches at most ${MAX_TRANSACTION_RECORDS} records (DynamoDB TransactWriteItems)`,
      )
    entries.set(entryKey(entry.table, entry.key), entry)
    return entry
  }
  /** The transaction's entry for a record, reading it from the table on first touch. */
  const load = async (table: string, key: string): Promise<DynamoDbTransactionEntry> => {
    const known = entries.get(entryKey(table, key))
    if (known) return known
    const item = await read(table, key)
    const current = item
      ? { version: dynamoDbRecordCodec.version(item) ?? 0, text: dynamoDbRecordCodec.text(item) }
      : undefined
    return add({ table, key, expected: current?.version ?? 0, current, written: false })
  }
  const tx: StoreOperations = {
    get: <TValue>(table: string, key: string) =>
      guard(async () => {
        assertStoreKey(table, key)
        const { current } = await load(table, key)
        return current ? { table, key, version: current.version, value: JSON.parse(current.text) as TValue } : undefined
      }),
    putIfAbsent: (table, key, value) =>
      guard(() => {
        assertStoreKey(table, key)
        const text = serialiseStoreValue(table, key, value)
        const entry =
          entries.get(entryKey(table, key)) ?? add({ table, key, expected: 0, current: undefined, written: false })
        if (entry.current) throw storeConditionFailed(table, key, 'the key already exists')
        entry.current = { version: 1, text }
        entry.written = true
        return 1
      }),
    compareAndSet: (table, key, expectedVersion, next) =>
      guard(() => {
        assertStoreKey(table, key)
        assertStoreVersion(expectedVersion)
        const text = serialiseStoreValue(table, key, next)
        const entry =
          entries.get(entryKey(table, key)) ??
          add({ table, key, expected: expectedVersion, current: { version: expectedVersion, text }, written: false })
        if (entry.current?.version !== expectedVersion)
          throw storeVersionMismatch(table, key, expectedVersion, entry.current?.version)
        entry.current = { version: expectedVersion + 1, text }
        entry.written = true
        return expectedVersion + 1
      }),
    delete: (table, key, expectedVersion) =>
      guard(async () => {
        assertStoreKey(table, key)
        if (expectedVersion !== undefined) assertStoreVersion(expectedVersion)
        const known = entries.get(entryKey(table, key))
        const entry =
          known ??
          (expectedVersion === undefined
            ? await load(table, key) // the answer (did it exist?) is then checked again at commit
            : add({
                table,
                key,
                expected: expectedVersion,
                current: { version: expectedVersion, text: '' },
                written: false,
              }))
        if (expectedVersion !== undefined && entry.current?.version !== expectedVersion)
          throw storeVersionMismatch(table, key, expectedVersion, entry.current?.version)
        const existed = entry.current !== undefined
        entry.current = undefined
        if (existed) entry.written = true
        return existed
      }),
  }
  return {
    tx,
    end: () => {
      open = false
      return [...entries.values()]
    },
  }
}
