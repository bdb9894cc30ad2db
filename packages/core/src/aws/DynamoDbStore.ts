import { AsyncLocalStorage } from 'node:async_hooks'
import { randomUUID } from 'node:crypto'
import {
  type AttributeValue,
  CreateTableCommand,
  DeleteItemCommand,
  DescribeTableCommand,
  DynamoDBClient,
  type DynamoDBClientConfig,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  type TransactWriteItem,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb'
import type { ListOptions, ListResult, Store, StoredRecord, StoreOperations, StoreTransaction } from '../store/Store.ts'
import { StoreError } from '../store/StoreError.ts'

export type DynamoDbStoreParameters = {
  /** The DynamoDB table: partition key `t` (the store's table name), sort key `k` (the key), both strings. */
  tableName: string
  /** A client to share; `close()` leaves it open. Without one, the store makes its own from `clientConfig`. */
  client?: DynamoDBClient | undefined
  /** Region, endpoint, credentials... for the store's own client (e.g. moto's `clientConfig`). */
  clientConfig?: DynamoDBClientConfig | undefined
}

// The same limits and messages as SqliteStore: the two stores are interchangeable.
const TABLE_NAME = /^[A-Za-z0-9_.-]{1,128}$/
const DYNAMODB_TABLE_NAME = /^[A-Za-z0-9_.-]{3,255}$/
const MAX_KEY_BYTES = 1024
const MAX_VALUE_BYTES = 390_000
/** TransactWriteItems takes at most 100 items. */
const MAX_TRANSACTION_RECORDS = 100

type Item = Record<string, AttributeValue>
/** What a transaction knows of one record: the version it must find at commit, and its state now. */
type Entry = {
  table: string
  key: string
  /** 0 when the record must be absent at commit. */
  expected: number
  current: { version: number; text: string } | undefined
  written: boolean
}

/** Which DynamoDbStore's transaction callback the current async context is inside. */
const activeTransaction = new AsyncLocalStorage<DynamoDbStore>()

function invalid(details: string): StoreError {
  return new StoreError({ code: 'STORE_INVALID_INPUT', shortMessage: 'Invalid store input', details })
}

function checkTable(table: string): void {
  if (typeof table !== 'string' || !TABLE_NAME.test(table))
    throw invalid('a table name is 1 to 128 characters of letters, digits, _ . -')
}

function checkKey(key: string): void {
  if (typeof key !== 'string' || key.length === 0 || Buffer.byteLength(key) > MAX_KEY_BYTES)
    throw invalid(`a key is a non-empty string of at most ${MAX_KEY_BYTES} bytes`)
}

function checkVersion(version: number): void {
  if (!Number.isSafeInteger(version) || version < 1) throw invalid('a version is a whole number from 1')
}

function serialise(table: string, key: string, value: unknown): string {
  let text: string | undefined
  try {
    text = JSON.stringify(value)
  } catch (cause) {
    throw new StoreError({
      code: 'STORE_INVALID_INPUT',
      shortMessage: 'Invalid store input',
      details: `the value for ${table}/${key} is not JSON (a bigint or a cycle?)`,
      cause,
    })
  }
  if (text === undefined) throw invalid(`the value for ${table}/${key} is not JSON`)
  if (Buffer.byteLength(text) > MAX_VALUE_BYTES)
    throw invalid(`the value for ${table}/${key} is larger than ${MAX_VALUE_BYTES} bytes as JSON`)
  return text
}

function conditionFailed(table: string, key: string, details: string): StoreError {
  return new StoreError({
    code: 'STORE_CONDITION_FAILED',
    shortMessage: 'Conditional write failed',
    details: `${table}/${key}: ${details}`,
  })
}

function versionMismatch(table: string, key: string, expected: number, found: number | undefined): StoreError {
  return conditionFailed(
    table,
    key,
    found === undefined
      ? `expected version ${expected}, found no record`
      : `expected version ${expected}, found version ${found}`,
  )
}

function busy(details: string, cause?: unknown): StoreError {
  return new StoreError({ code: 'STORE_BUSY', shortMessage: 'Store is busy', details, cause })
}

function closed(): StoreError {
  return new StoreError({ code: 'STORE_CLOSED', shortMessage: 'Store is closed' })
}

function errorName(error: unknown): string | undefined {
  return (error as { name?: unknown })?.name as string | undefined
}

/** A conditional-check failure carries the stored item (with its value): it must not travel on as a cause. */
function oldItem(error: unknown): Item | undefined {
  return (error as { Item?: Item }).Item
}

function versionOf(item: Item | undefined): number | undefined {
  return item?.v?.N === undefined ? undefined : Number(item.v.N)
}

function toRecord<TValue>(item: Item): StoredRecord<TValue> {
  return {
    table: item.t?.S ?? '',
    key: item.k?.S ?? '',
    version: Number(item.v?.N),
    value: JSON.parse(item.j?.S ?? 'null') as TValue,
  }
}

/** Byte order, as DynamoDB sorts string sort keys (and SQLite's BINARY collation). */
function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b))
}

/**
 * The `Store` on one DynamoDB table: item `{ t: table, k: key, v: version, j: JSON text, w: write
 * token }`. Every write is one conditional request (`attribute_not_exists(k)` or `v = :expected`);
 * a failed condition throws STORE_CONDITION_FAILED, as SqliteStore does. Reads are strongly
 * consistent. `list` is a Query on the partition `t` (`begins_with` on `k`), in key byte order.
 *
 * `transaction(fn)` is optimistic: reads go to the table, writes are collected (several on one
 * record fold into its last state, so `fn` sees its own writes), and at the end one
 * TransactWriteItems commits them, each conditioned on the version the transaction first saw,
 * with a ConditionCheck for every record it only read. So a record changed by anyone else between
 * `fn`'s read and the commit fails the commit with STORE_CONDITION_FAILED and nothing is written;
 * SqliteStore instead holds a write lock during `fn`. A transaction touches at most 100 records.
 *
 * Retries cannot double-apply or misreport: a transaction carries a ClientRequestToken, and a
 * single write carries a token `w`, so an SDK retry of a write that had succeeded (response lost)
 * finds its own token and reports success, not a failed condition.
 */
export class DynamoDbStore implements Store {
  readonly tableName: string
  readonly #client: DynamoDBClient
  readonly #ownsClient: boolean
  #closed = false

  constructor(parameters: DynamoDbStoreParameters) {
    const { tableName, client, clientConfig } = parameters
    if (typeof tableName !== 'string' || !DYNAMODB_TABLE_NAME.test(tableName))
      throw invalid('a DynamoDB table name is 3 to 255 characters of letters, digits, _ . -')
    this.tableName = tableName
    this.#client = client ?? new DynamoDBClient(clientConfig ?? {})
    this.#ownsClient = client === undefined
  }

  /**
   * Creates the table (on-demand billing) if it does not exist and waits until it is ACTIVE; for
   * dev and tests. Production tables come from infrastructure code with the same key schema.
   */
  async ensureTable(): Promise<void> {
    this.#assertOpen()
    try {
      await this.#client.send(
        new CreateTableCommand({
          TableName: this.tableName,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [
            { AttributeName: 't', AttributeType: 'S' },
            { AttributeName: 'k', AttributeType: 'S' },
          ],
          KeySchema: [
            { AttributeName: 't', KeyType: 'HASH' },
            { AttributeName: 'k', KeyType: 'RANGE' },
          ],
        }),
      )
    } catch (error) {
      if (errorName(error) !== 'ResourceInUseException') throw error
    }
    const deadline = Date.now() + 60_000
    for (;;) {
      const { Table } = await this.#client.send(new DescribeTableCommand({ TableName: this.tableName }))
      const schema = (Table?.KeySchema ?? []).map((k) => `${k.AttributeName}:${k.KeyType}`).join(',')
      if (schema !== 't:HASH,k:RANGE')
        throw invalid(`table ${this.tableName} exists with key schema ${schema}, expected t:HASH,k:RANGE`)
      if (Table?.TableStatus === 'ACTIVE') return
      if (Date.now() > deadline) throw busy(`table ${this.tableName} did not become ACTIVE within 60 s`)
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }

  get<TValue = unknown>(table: string, key: string): Promise<StoredRecord<TValue> | undefined> {
    return this.#run(async () => {
      checkTable(table)
      checkKey(key)
      const item = await this.#read(table, key)
      return item ? toRecord<TValue>(item) : undefined
    })
  }

  putIfAbsent(table: string, key: string, value: unknown): Promise<number> {
    return this.#run(async () => {
      checkTable(table)
      checkKey(key)
      const text = serialise(table, key, value)
      const token = randomUUID()
      try {
        await this.#client.send(
          new PutItemCommand({
            TableName: this.tableName,
            Item: this.#item(table, key, 1, text, token),
            ConditionExpression: 'attribute_not_exists(#k)',
            ExpressionAttributeNames: { '#k': 'k' },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        )
      } catch (error) {
        if (errorName(error) !== 'ConditionalCheckFailedException') throw error
        if (oldItem(error)?.w?.S === token) return 1 // our own write, retried by the SDK
        throw conditionFailed(table, key, 'the key already exists')
      }
      return 1
    })
  }

  compareAndSet(table: string, key: string, expectedVersion: number, next: unknown): Promise<number> {
    return this.#run(async () => {
      checkTable(table)
      checkKey(key)
      checkVersion(expectedVersion)
      const text = serialise(table, key, next)
      const token = randomUUID()
      try {
        await this.#client.send(
          new PutItemCommand({
            TableName: this.tableName,
            Item: this.#item(table, key, expectedVersion + 1, text, token),
            ConditionExpression: '#v = :v',
            ExpressionAttributeNames: { '#v': 'v' },
            ExpressionAttributeValues: { ':v': { N: String(expectedVersion) } },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        )
      } catch (error) {
        if (errorName(error) !== 'ConditionalCheckFailedException') throw error
        const old = oldItem(error)
        if (old?.w?.S === token && versionOf(old) === expectedVersion + 1) return expectedVersion + 1
        throw versionMismatch(table, key, expectedVersion, versionOf(old))
      }
      return expectedVersion + 1
    })
  }

  delete(table: string, key: string, expectedVersion?: number): Promise<boolean> {
    return this.#run(async () => {
      checkTable(table)
      checkKey(key)
      const Key = this.#key(table, key)
      if (expectedVersion === undefined) {
        const { Attributes } = await this.#client.send(
          new DeleteItemCommand({ TableName: this.tableName, Key, ReturnValues: 'ALL_OLD' }),
        )
        return Attributes !== undefined
      }
      checkVersion(expectedVersion)
      try {
        await this.#client.send(
          new DeleteItemCommand({
            TableName: this.tableName,
            Key,
            ConditionExpression: '#v = :v',
            ExpressionAttributeNames: { '#v': 'v' },
            ExpressionAttributeValues: { ':v': { N: String(expectedVersion) } },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        )
      } catch (error) {
        if (errorName(error) !== 'ConditionalCheckFailedException') throw error
        throw versionMismatch(table, key, expectedVersion, versionOf(oldItem(error)))
      }
      return true
    })
  }

  list<TValue = unknown>(table: string, options: ListOptions = {}): Promise<ListResult<TValue>> {
    return this.#run(async () => {
      checkTable(table)
      const { prefix = '', after, limit = 100 } = options
      if (typeof prefix !== 'string') throw invalid('a prefix is a string')
      if (after !== undefined && typeof after !== 'string') throw invalid('after is a key')
      if (!Number.isSafeInteger(limit) || limit < 1 || limit > 1000) throw invalid('limit is 1 to 1000')
      // DynamoDB refuses an ExclusiveStartKey outside the key condition: an `after` before the
      // prefix is no bound at all, and one past every key with the prefix leaves nothing.
      let start: string | undefined = after
      if (after !== undefined && prefix !== '' && !after.startsWith(prefix)) {
        if (compareBytes(after, prefix) > 0) return { records: [], next: undefined }
        start = undefined
      }
      const items: Item[] = []
      let exclusiveStartKey: Item | undefined = start === undefined ? undefined : this.#key(table, start)
      // one more than a page tells whether there is a next page; a Query also stops at 1 MB
      while (items.length <= limit) {
        const page = await this.#client.send(
          new QueryCommand({
            TableName: this.tableName,
            ConsistentRead: true,
            KeyConditionExpression: prefix === '' ? '#t = :t' : '#t = :t AND begins_with(#k, :p)',
            ExpressionAttributeNames: prefix === '' ? { '#t': 't' } : { '#t': 't', '#k': 'k' },
            ExpressionAttributeValues:
              prefix === '' ? { ':t': { S: table } } : { ':t': { S: table }, ':p': { S: prefix } },
            ExclusiveStartKey: exclusiveStartKey,
            Limit: limit + 1 - items.length,
          }),
        )
        items.push(...(page.Items ?? []))
        exclusiveStartKey = page.LastEvaluatedKey
        if (exclusiveStartKey === undefined) break
      }
      const records = items.slice(0, limit).map((item) => toRecord<TValue>(item))
      return { records, next: items.length > limit ? records[records.length - 1]?.key : undefined }
    })
  }

  async transaction<TResult>(fn: (tx: StoreTransaction) => Promise<TResult> | TResult): Promise<TResult> {
    this.#assertNotInsideTransaction()
    this.#assertOpen()
    const entries = new Map<string, Entry>()
    let open = true
    const guard = async <T>(run: () => Promise<T> | T): Promise<T> => {
      if (!open)
        throw new StoreError({
          code: 'STORE_CLOSED',
          shortMessage: 'Transaction has ended',
          details: 'a transaction object was used after its transaction committed or rolled back',
        })
      this.#assertOpen()
      return run()
    }
    const entryKey = (table: string, key: string) => `${table}\u0000${key}`
    const add = (entry: Entry): Entry => {
      const existing = entries.get(entryKey(entry.table, entry.key))
      if (existing) return existing // another call of fn created it while this one was reading
      if (entries.size >= MAX_TRANSACTION_RECORDS)
        throw invalid(`a transaction touches at most ${MAX_TRANSACTION_RECORDS} records (DynamoDB TransactWriteItems)`)
      entries.set(entryKey(entry.table, entry.key), entry)
      return entry
    }
    /** The transaction's entry for a record, reading it from the table on first touch. */
    const load = async (table: string, key: string): Promise<Entry> => {
      const known = entries.get(entryKey(table, key))
      if (known) return known
      const item = await this.#read(table, key)
      const current = item ? { version: versionOf(item) ?? 0, text: item.j?.S ?? 'null' } : undefined
      return add({ table, key, expected: current?.version ?? 0, current, written: false })
    }
    const tx: StoreOperations = {
      get: <TValue>(table: string, key: string) =>
        guard(async () => {
          checkTable(table)
          checkKey(key)
          const { current } = await load(table, key)
          return current
            ? { table, key, version: current.version, value: JSON.parse(current.text) as TValue }
            : undefined
        }),
      putIfAbsent: (table, key, value) =>
        guard(() => {
          checkTable(table)
          checkKey(key)
          const text = serialise(table, key, value)
          const entry =
            entries.get(entryKey(table, key)) ?? add({ table, key, expected: 0, current: undefined, written: false })
          if (entry.current) throw conditionFailed(table, key, 'the key already exists')
          entry.current = { version: 1, text }
          entry.written = true
          return 1
        }),
      compareAndSet: (table, key, expectedVersion, next) =>
        guard(() => {
          checkTable(table)
          checkKey(key)
          checkVersion(expectedVersion)
          const text = serialise(table, key, next)
          const entry =
            entries.get(entryKey(table, key)) ??
            add({ table, key, expected: expectedVersion, current: { version: expectedVersion, text }, written: false })
          if (entry.current?.version !== expectedVersion)
            throw versionMismatch(table, key, expectedVersion, entry.current?.version)
          entry.current = { version: expectedVersion + 1, text }
          entry.written = true
          return expectedVersion + 1
        }),
      delete: (table, key, expectedVersion) =>
        guard(async () => {
          checkTable(table)
          checkKey(key)
          if (expectedVersion !== undefined) checkVersion(expectedVersion)
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
            throw versionMismatch(table, key, expectedVersion, entry.current?.version)
          const existed = entry.current !== undefined
          entry.current = undefined
          if (existed) entry.written = true
          return existed
        }),
    }
    let result: TResult
    try {
      result = await activeTransaction.run(this, () => fn(tx))
    } finally {
      open = false
    }
    await this.#commit([...entries.values()])
    return result
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    if (this.#ownsClient) this.#client.destroy()
  }

  async #commit(entries: Entry[]): Promise<void> {
    if (entries.length === 0) return
    this.#assertOpen()
    const token = randomUUID()
    const items = entries.map((entry): TransactWriteItem => {
      const Key = this.#key(entry.table, entry.key)
      const condition =
        entry.expected === 0
          ? { ConditionExpression: 'attribute_not_exists(#k)', ExpressionAttributeNames: { '#k': 'k' } }
          : {
              ConditionExpression: '#v = :v',
              ExpressionAttributeNames: { '#v': 'v' },
              ExpressionAttributeValues: { ':v': { N: String(entry.expected) } },
            }
      const common = {
        TableName: this.tableName,
        ...condition,
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
      }
      if (entry.written && entry.current)
        return {
          Put: {
            ...common,
            Item: this.#item(entry.table, entry.key, entry.current.version, entry.current.text, token),
          },
        }
      if (entry.written && entry.expected !== 0) return { Delete: { ...common, Key } }
      return { ConditionCheck: { ...common, Key } }
    })
    try {
      await this.#client.send(new TransactWriteItemsCommand({ TransactItems: items, ClientRequestToken: token }))
    } catch (error) {
      const name = errorName(error)
      if (name === 'TransactionCanceledException') {
        const reasons = (error as { CancellationReasons?: { Code?: string; Item?: Item }[] }).CancellationReasons ?? []
        const failed = reasons.findIndex((reason) => reason.Code === 'ConditionalCheckFailed')
        const entry = entries[failed]
        if (entry) throw this.#commitConditionFailed(entry, versionOf(reasons[failed]?.Item))
        if (reasons.some((reason) => reason.Code === 'TransactionConflict'))
          throw busy('another transaction was writing one of these records; nothing was written, retry')
      }
      if (name === 'TransactionInProgressException' || name === 'TransactionConflictException')
        throw busy('another transaction was writing one of these records; nothing was written, retry', error)
      throw error
    }
  }

  #commitConditionFailed(entry: Entry, found: number | undefined): StoreError {
    const { table, key, expected } = entry
    if (entry.written) {
      if (expected === 0) return conditionFailed(table, key, 'the key already exists')
      return versionMismatch(table, key, expected, found)
    }
    const read = expected === 0 ? 'no record' : `version ${expected}`
    const now = found === undefined ? 'no record' : `version ${found}`
    return conditionFailed(table, key, `the transaction read ${read}, found ${now} at commit`)
  }

  async #read(table: string, key: string): Promise<Item | undefined> {
    const { Item } = await this.#client.send(
      new GetItemCommand({ TableName: this.tableName, Key: this.#key(table, key), ConsistentRead: true }),
    )
    return Item
  }

  #key(table: string, key: string): Item {
    return { t: { S: table }, k: { S: key } }
  }

  #item(table: string, key: string, version: number, text: string, token: string): Item {
    return { t: { S: table }, k: { S: key }, v: { N: String(version) }, j: { S: text }, w: { S: token } }
  }

  #assertOpen(): void {
    if (this.#closed) throw closed()
  }

  #assertNotInsideTransaction(): void {
    if (activeTransaction.getStore() === this)
      throw new StoreError({
        code: 'STORE_NESTED_TRANSACTION',
        shortMessage: 'Store used inside its own transaction',
        details: 'inside transaction(fn), call the transaction object passed to fn, not the store',
      })
  }

  async #run<TResult>(operation: () => Promise<TResult>): Promise<TResult> {
    this.#assertNotInsideTransaction()
    this.#assertOpen()
    try {
      return await operation()
    } catch (error) {
      if (errorName(error) === 'TransactionConflictException')
        throw busy('a transaction was writing this record; nothing was written, retry', error)
      throw error
    }
  }
}
