import { AsyncLocalStorage } from 'node:async_hooks'
import { randomUUID } from 'node:crypto'
import {
  BatchGetItemCommand,
  CreateTableCommand,
  DeleteItemCommand,
  DescribeTableCommand,
  DynamoDBClient,
  type DynamoDBClientConfig,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb'
import { assertStoreKey } from '../../store/assertStoreKey.ts'
import { assertStoreKeys } from '../../store/assertStoreKeys.ts'
import { assertStoreVersion } from '../../store/assertStoreVersion.ts'
import { invalidStoreInput } from '../../store/invalidStoreInput.ts'
import { parseListOptions } from '../../store/parseListOptions.ts'
import type { ListOptions, ListResult, Store, StoredRecord, StoreKey, StoreTransaction } from '../../store/Store.ts'
import { StoreError } from '../../store/StoreError.ts'
import { serialiseStoreValue } from '../../store/serialiseStoreValue.ts'
import { storeClosed } from '../../store/storeClosed.ts'
import { storeConditionFailed } from '../../store/storeConditionFailed.ts'
import { storeNestedTransaction } from '../../store/storeNestedTransaction.ts'
import { storeVersionMismatch } from '../../store/storeVersionMismatch.ts'
import { awsErrorName } from '../awsErrorName.ts'
import { buildTransactWriteItems } from './buildTransactWriteItems.ts'
import { createDynamoDbTransaction } from './createDynamoDbTransaction.ts'
import type { DynamoDbTransactionEntry } from './DynamoDbTransactionEntry.ts'
import { type DynamoDbItem, dynamoDbRecordCodec } from './dynamoDbRecordCodec.ts'
import { transactionConditionFailed } from './transactionConditionFailed.ts'

export type DynamoDbStoreParameters = {
  /** The DynamoDB table: partition key `t` (the store's table name), sort key `k` (the key), both strings. */
  tableName: string
  /** A client to share; `close()` leaves it open. Without one, the store makes its own from `clientConfig`. */
  client?: DynamoDBClient | undefined
  /** Region, endpoint, credentials... for the store's own client (e.g. moto's `clientConfig`). */
  clientConfig?: DynamoDBClientConfig | undefined
}

const DYNAMODB_TABLE_NAME = /^[A-Za-z0-9_.-]{3,255}$/

/** BatchGetItem takes at most 100 keys, none twice. */
const MAX_BATCH_GET_KEYS = 100

/** Rounds of a BatchGetItem's UnprocessedKeys (throttled or over 16 MB) before STORE_BUSY. */
const MAX_BATCH_GET_ROUNDS = 8

const recordId = (table: string, key: string) => `${table}\u0000${key}`

/** Which DynamoDbStore's transaction callback the current async context is inside. */
const activeTransaction = new AsyncLocalStorage<DynamoDbStore>()

function busy(details: string, cause?: unknown): StoreError {
  return new StoreError({ code: 'STORE_BUSY', shortMessage: 'Store is busy', details, cause })
}

/** A conditional-check failure carries the stored item (with its value): it must not travel on as a cause. */
function oldItem(error: unknown): DynamoDbItem | undefined {
  return (error as { Item?: DynamoDbItem }).Item
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
      throw invalidStoreInput('a DynamoDB table name is 3 to 255 characters of letters, digits, _ . -')
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
      if (awsErrorName(error) !== 'ResourceInUseException') throw error
    }
    const deadline = Date.now() + 60_000
    for (;;) {
      const { Table } = await this.#client.send(new DescribeTableCommand({ TableName: this.tableName }))
      const schema = (Table?.KeySchema ?? []).map((k) => `${k.AttributeName}:${k.KeyType}`).join(',')
      if (schema !== 't:HASH,k:RANGE')
        throw invalidStoreInput(`table ${this.tableName} exists with key schema ${schema}, expected t:HASH,k:RANGE`)
      if (Table?.TableStatus === 'ACTIVE') return
      if (Date.now() > deadline) throw busy(`table ${this.tableName} did not become ACTIVE within 60 s`)
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }

  get<TValue = unknown>(table: string, key: string): Promise<StoredRecord<TValue> | undefined> {
    return this.#run(async () => {
      assertStoreKey(table, key)
      const item = await this.#read(table, key)
      return item ? dynamoDbRecordCodec.record<TValue>(item) : undefined
    })
  }

  getMany(keys: readonly StoreKey[]): Promise<(StoredRecord | undefined)[]> {
    return this.#run(async () => {
      assertStoreKeys(keys)
      const distinct = [...new Map(keys.map(({ table, key }) => [recordId(table, key), { table, key }])).values()]
      const found = new Map<string, DynamoDbItem>()
      for (let start = 0; start < distinct.length; start += MAX_BATCH_GET_KEYS) {
        let pending = distinct
          .slice(start, start + MAX_BATCH_GET_KEYS)
          .map(({ table, key }) => dynamoDbRecordCodec.key(table, key))
        for (let round = 1; pending.length > 0; round++) {
          if (round > 1) {
            if (round > MAX_BATCH_GET_ROUNDS)
              throw busy(`BatchGetItem left ${pending.length} keys unprocessed ${MAX_BATCH_GET_ROUNDS} times; retry`)
            await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** round))
          }
          const { Responses, UnprocessedKeys } = await this.#client.send(
            new BatchGetItemCommand({ RequestItems: { [this.tableName]: { Keys: pending, ConsistentRead: true } } }),
          )
          for (const item of Responses?.[this.tableName] ?? [])
            found.set(recordId(item.t?.S ?? '', item.k?.S ?? ''), item)
          pending = UnprocessedKeys?.[this.tableName]?.Keys ?? []
        }
      }
      return keys.map(({ table, key }) => {
        const item = found.get(recordId(table, key))
        return item ? dynamoDbRecordCodec.record(item) : undefined
      })
    })
  }

  putIfAbsent(table: string, key: string, value: unknown): Promise<number> {
    return this.#run(async () => {
      assertStoreKey(table, key)
      const text = serialiseStoreValue(table, key, value)
      const token = randomUUID()
      try {
        await this.#client.send(
          new PutItemCommand({
            TableName: this.tableName,
            Item: dynamoDbRecordCodec.item(table, key, 1, text, token),
            ...dynamoDbRecordCodec.condition(0),
          }),
        )
      } catch (error) {
        if (awsErrorName(error) !== 'ConditionalCheckFailedException') throw error
        if (dynamoDbRecordCodec.token(oldItem(error)) === token) return 1 // our own write, retried by the SDK
        throw storeConditionFailed(table, key, 'the key already exists')
      }
      return 1
    })
  }

  compareAndSet(table: string, key: string, expectedVersion: number, next: unknown): Promise<number> {
    return this.#run(async () => {
      assertStoreKey(table, key)
      assertStoreVersion(expectedVersion)
      const text = serialiseStoreValue(table, key, next)
      const token = randomUUID()
      try {
        await this.#client.send(
          new PutItemCommand({
            TableName: this.tableName,
            Item: dynamoDbRecordCodec.item(table, key, expectedVersion + 1, text, token),
            ...dynamoDbRecordCodec.condition(expectedVersion),
          }),
        )
      } catch (error) {
        if (awsErrorName(error) !== 'ConditionalCheckFailedException') throw error
        const old = oldItem(error)
        if (dynamoDbRecordCodec.token(old) === token && dynamoDbRecordCodec.version(old) === expectedVersion + 1)
          return expectedVersion + 1
        throw storeVersionMismatch(table, key, expectedVersion, dynamoDbRecordCodec.version(old))
      }
      return expectedVersion + 1
    })
  }

  delete(table: string, key: string, expectedVersion?: number): Promise<boolean> {
    return this.#run(async () => {
      assertStoreKey(table, key)
      const Key = dynamoDbRecordCodec.key(table, key)
      if (expectedVersion === undefined) {
        const { Attributes } = await this.#client.send(
          new DeleteItemCommand({ TableName: this.tableName, Key, ReturnValues: 'ALL_OLD' }),
        )
        return Attributes !== undefined
      }
      assertStoreVersion(expectedVersion)
      try {
        await this.#client.send(
          new DeleteItemCommand({
            TableName: this.tableName,
            Key,
            ...dynamoDbRecordCodec.condition(expectedVersion),
          }),
        )
      } catch (error) {
        if (awsErrorName(error) !== 'ConditionalCheckFailedException') throw error
        throw storeVersionMismatch(table, key, expectedVersion, dynamoDbRecordCodec.version(oldItem(error)))
      }
      return true
    })
  }

  list<TValue = unknown>(table: string, options: ListOptions = {}): Promise<ListResult<TValue>> {
    return this.#run(async () => {
      const { prefix, after, limit } = parseListOptions(table, options)
      // DynamoDB refuses an ExclusiveStartKey outside the key condition: an `after` before the
      // prefix is no bound at all, and one past every key with the prefix leaves nothing.
      let start: string | undefined = after
      if (after !== undefined && prefix !== '' && !after.startsWith(prefix)) {
        if (compareBytes(after, prefix) > 0) return { records: [], next: undefined }
        start = undefined
      }
      const items: DynamoDbItem[] = []
      let exclusiveStartKey: DynamoDbItem | undefined =
        start === undefined ? undefined : dynamoDbRecordCodec.key(table, start)
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
      const records = items.slice(0, limit).map((item) => dynamoDbRecordCodec.record<TValue>(item))
      return { records, next: items.length > limit ? records[records.length - 1]?.key : undefined }
    })
  }

  async transaction<TResult>(fn: (tx: StoreTransaction) => Promise<TResult> | TResult): Promise<TResult> {
    this.#assertNotInsideTransaction()
    this.#assertOpen()
    const { tx, end } = createDynamoDbTransaction({
      read: (table, key) => this.#read(table, key),
      assertOpen: () => this.#assertOpen(),
    })
    let result: TResult
    let entries: DynamoDbTransactionEntry[]
    try {
      result = await activeTransaction.run(this, () => fn(tx))
    } finally {
      entries = end()
    }
    await this.#commit(entries)
    return result
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    if (this.#ownsClient) this.#client.destroy()
  }

  async #commit(entries: DynamoDbTransactionEntry[]): Promise<void> {
    if (entries.length === 0) return
    this.#assertOpen()
    const token = randomUUID()
    const items = buildTransactWriteItems({ tableName: this.tableName, entries, token })
    try {
      await this.#client.send(new TransactWriteItemsCommand({ TransactItems: items, ClientRequestToken: token }))
    } catch (error) {
      const name = awsErrorName(error)
      if (name === 'TransactionCanceledException') {
        const reasons =
          (error as { CancellationReasons?: { Code?: string; Item?: DynamoDbItem }[] }).CancellationReasons ?? []
        const failed = reasons.findIndex((reason) => reason.Code === 'ConditionalCheckFailed')
        const entry = entries[failed]
        if (entry) throw transactionConditionFailed(entry, dynamoDbRecordCodec.version(reasons[failed]?.Item))
        if (reasons.some((reason) => reason.Code === 'TransactionConflict'))
          throw busy('another transaction was writing one of these records; nothing was written, retry')
      }
      if (name === 'TransactionInProgressException' || name === 'TransactionConflictException')
        throw busy('another transaction was writing one of these records; nothing was written, retry', error)
      throw error
    }
  }

  async #read(table: string, key: string): Promise<DynamoDbItem | undefined> {
    const { Item } = await this.#client.send(
      new GetItemCommand({ TableName: this.tableName, Key: dynamoDbRecordCodec.key(table, key), ConsistentRead: true }),
    )
    return Item
  }

  #assertOpen(): void {
    if (this.#closed) throw storeClosed()
  }

  #assertNotInsideTransaction(): void {
    if (activeTransaction.getStore() === this) throw storeNestedTransaction()
  }

  async #run<TResult>(operation: () => Promise<TResult>): Promise<TResult> {
    this.#assertNotInsideTransaction()
    this.#assertOpen()
    try {
      return await operation()
    } catch (error) {
      if (awsErrorName(error) === 'TransactionConflictException')
        throw busy('a transaction was writing this record; nothing was written, retry', error)
      throw error
    }
  }
}
