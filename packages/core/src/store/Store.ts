/** A record as stored: its value with the version every conditional write checks. */
export type StoredRecord<TValue = unknown> = {
  table: string
  key: string
  /** 1 when created, +1 on every successful write. */
  version: number
  value: TValue
}

/** The address of one record: its table and key. */
export type StoreKey = { table: string; key: string }

export type ListOptions = {
  /** Only keys that start with this. */
  prefix?: string | undefined
  /** Only keys after this one (exclusive): pass the previous page's `next`. */
  after?: string | undefined
  /** Page size, 1 to 1000 (default 100). */
  limit?: number | undefined
}

export type ListResult<TValue = unknown> = {
  /** In ascending key order (binary, as DynamoDB sorts string sort keys). */
  records: StoredRecord<TValue>[]
  /** The `after` of the next page, or undefined on the last page. */
  next: string | undefined
}

/**
 * Reads and conditional writes, shared by the store and its transactions. Every write is
 * conditional, and a condition that does not hold throws `StoreError` with code
 * `STORE_CONDITION_FAILED` (rather than returning false): one behaviour inside and outside
 * transactions, where the throw is what rolls the transaction back, and the one DynamoDB has
 * (`ConditionalCheckFailedException`).
 *
 * Values are JSON: stored as `JSON.stringify` writes them (undefined fields vanish, a bigint is
 * refused: write amounts as decimal strings). Table names are 1-128 of `[A-Za-z0-9_.-]`, keys
 * 1-1024 bytes; keys appear in error details, so they must not be secrets.
 */
export type StoreOperations = {
  get<TValue = unknown>(table: string, key: string): Promise<StoredRecord<TValue> | undefined>
  /** Creates the record; throws STORE_CONDITION_FAILED if the key exists. Resolves to the version, 1. */
  putIfAbsent(table: string, key: string, value: unknown): Promise<number>
  /**
   * Replaces the value if the record is at `expectedVersion`; throws STORE_CONDITION_FAILED if it
   * is missing or at another version. Resolves to the new version, `expectedVersion + 1`.
   */
  compareAndSet(table: string, key: string, expectedVersion: number, next: unknown): Promise<number>
  /**
   * Deletes the record. Without `expectedVersion`, resolves to whether it existed; with it, throws
   * STORE_CONDITION_FAILED unless the record exists at that version.
   */
  delete(table: string, key: string, expectedVersion?: number): Promise<boolean>
}

/** The writes of a transaction become visible together at commit, or not at all. */
export type StoreTransaction = StoreOperations

/**
 * A key-value store of JSON records per table, with versions for optimistic concurrency. Small and
 * asynchronous so that a DynamoDB adapter fits the same shape as the embedded node:sqlite one.
 */
export type Store = StoreOperations & {
  /**
   * Reads many records at once, each as `get` would (strongly consistent), in as few requests as
   * the backing allows (DynamoDB: one BatchGetItem per 100 distinct keys). Resolves to one entry
   * per key, in the order given (undefined for a missing record); a key may appear more than once.
   */
  getMany(keys: readonly StoreKey[]): Promise<(StoredRecord | undefined)[]>
  list<TValue = unknown>(table: string, options?: ListOptions): Promise<ListResult<TValue>>
  /**
   * Runs `fn` with a transaction object and commits its writes atomically when `fn` resolves; if
   * `fn` throws (a failed condition included) or the process dies first, nothing is written. Use
   * only the transaction object inside `fn`. Adapters may check conditions at commit time instead
   * of at each call, so do not rely on reading your own writes inside `fn`.
   */
  transaction<TResult>(fn: (tx: StoreTransaction) => Promise<TResult> | TResult): Promise<TResult>
  close(): Promise<void>
}
