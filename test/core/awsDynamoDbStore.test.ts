import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { inspect } from 'node:util'
import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  GetItemCommand,
} from '@aws-sdk/client-dynamodb'
import { type CoreErrorCode, createLogger, isChainopsError } from '@chainops/core'
import { DynamoDbStore } from '@chainops/core/aws'
import { storeContract } from '@chainops/core/testing'
import { type MotoServer, startMoto } from '@chainops/devnet'

function failsWith(code: CoreErrorCode, details?: string) {
  return (error: unknown) => isChainopsError(error, code) && (details === undefined || error.details === details)
}

const MNEMONIC = 'legal winner thank year wave sausage worth useful legal winner thank yellow'

describe('DynamoDbStore @integration', () => {
  let moto: MotoServer
  let client: DynamoDBClient
  const tables: string[] = []
  const opened: DynamoDbStore[] = []

  /** A fresh table; the first store made over it creates it. */
  const newStore = async () => {
    const tableName = `chainops-${randomUUID()}`
    tables.push(tableName)
    const store = new DynamoDbStore({ tableName, clientConfig: moto.clientConfig })
    opened.push(store)
    await store.ensureTable()
    return store
  }
  const another = (store: DynamoDbStore) => {
    const other = new DynamoDbStore({ tableName: store.tableName, clientConfig: moto.clientConfig })
    opened.push(other)
    return other
  }

  before(async () => {
    moto = await startMoto()
    client = new DynamoDBClient(moto.clientConfig)
  })
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close()
    for (const TableName of tables.splice(0)) await client.send(new DeleteTableCommand({ TableName }))
  })
  after(async () => {
    client?.destroy()
    await moto?.stop()
  })

  storeContract('the Store contract', async () => {
    const first = await newStore()
    return { open: () => another(first), dispose: async () => {} }
  })

  it('ensureTable creates an on-demand table keyed t (hash) + k (range), and a second call is a no-op', async () => {
    const store = await newStore()
    await store.ensureTable()
    const { Table } = await client.send(new DescribeTableCommand({ TableName: store.tableName }))
    assert.deepEqual(
      Table?.KeySchema?.map((k) => [k.AttributeName, k.KeyType]),
      [
        ['t', 'HASH'],
        ['k', 'RANGE'],
      ],
    )
    assert.equal(Table?.BillingModeSummary?.BillingMode, 'PAY_PER_REQUEST')
    assert.equal(Table?.TableStatus, 'ACTIVE')
  })

  it('ensureTable refuses an existing table with another key schema', async () => {
    const TableName = `chainops-${randomUUID()}`
    tables.push(TableName)
    await client.send(
      new CreateTableCommand({
        TableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      }),
    )
    const store = new DynamoDbStore({ tableName: TableName, client })
    await assert.rejects(
      store.ensureTable(),
      failsWith('STORE_INVALID_INPUT', `table ${TableName} exists with key schema id:HASH, expected t:HASH,k:RANGE`),
    )
    await store.close()
    // the shared client stays usable after close()
    assert.equal((await client.send(new DescribeTableCommand({ TableName }))).Table?.TableName, TableName)
  })

  it('stores one item per record: t = table, k = key, v = version, j = JSON text, w = write token', async () => {
    const store = await newStore()
    await store.putIfAbsent('invoices', 'h1', { sats: '21' })
    await store.compareAndSet('invoices', 'h1', 1, { sats: '21', state: 'PAID' })
    const { Item } = await client.send(
      new GetItemCommand({ TableName: store.tableName, Key: { t: { S: 'invoices' }, k: { S: 'h1' } } }),
    )
    assert.deepEqual(
      { t: Item?.t, k: Item?.k, v: Item?.v, j: Item?.j },
      { t: { S: 'invoices' }, k: { S: 'h1' }, v: { N: '2' }, j: { S: '{"sats":"21","state":"PAID"}' } },
    )
    assert.match(Item?.w?.S ?? '', /^[0-9a-f-]{36}$/)
  })

  it('a transaction fails at commit, writing nothing, when a record it read was changed by another writer', async () => {
    const store = await newStore()
    const other = another(store)
    await store.putIfAbsent('invoices', 'h1', { state: 'PENDING' })
    await store.putIfAbsent('rates', 'btc', { wei: '10' })
    await assert.rejects(
      store.transaction(async (tx) => {
        const rate = await tx.get('rates', 'btc') // only read: checked at commit
        assert.equal(rate?.version, 1)
        await tx.compareAndSet('invoices', 'h1', 1, { state: 'PAID' })
        await tx.putIfAbsent('mints', 'h1', { state: 'QUEUED' })
        await other.compareAndSet('rates', 'btc', 1, { wei: '11' })
      }),
      failsWith('STORE_CONDITION_FAILED', 'rates/btc: the transaction read version 1, found version 2 at commit'),
    )
    assert.equal((await store.get('invoices', 'h1'))?.version, 1)
    assert.equal(await store.get('mints', 'h1'), undefined)
  })

  it('a transaction write loses at commit, writing nothing, when another writer moved the record first', async () => {
    const store = await newStore()
    const other = another(store)
    await store.putIfAbsent('invoices', 'h1', { state: 'PENDING' })
    await assert.rejects(
      store.transaction(async (tx) => {
        await tx.compareAndSet('invoices', 'h1', 1, { state: 'PAID' })
        await tx.putIfAbsent('mints', 'h1', { state: 'QUEUED' })
        await other.compareAndSet('invoices', 'h1', 1, { state: 'EXPIRED' })
      }),
      failsWith('STORE_CONDITION_FAILED', 'invoices/h1: expected version 1, found version 2'),
    )
    assert.deepEqual((await store.get('invoices', 'h1'))?.value, { state: 'EXPIRED' })
    assert.equal(await store.get('mints', 'h1'), undefined)
    // an unconditional delete inside a transaction is checked at commit too
    await assert.rejects(
      store.transaction(async (tx) => {
        assert.equal(await tx.delete('mints', 'h1'), false)
        await tx.putIfAbsent('audit', 'a1', 1)
        await other.putIfAbsent('mints', 'h1', { state: 'QUEUED' })
      }),
      failsWith('STORE_CONDITION_FAILED', 'mints/h1: the transaction read no record, found version 1 at commit'),
    )
    assert.equal(await store.get('audit', 'a1'), undefined)
  })

  it('refuses a transaction over 100 records (the TransactWriteItems limit) and writes none of them', async () => {
    const store = await newStore()
    await assert.rejects(
      store.transaction(async (tx) => {
        for (let i = 0; i < 101; i++) await tx.putIfAbsent('bulk', `k${String(i).padStart(3, '0')}`, i)
      }),
      failsWith('STORE_INVALID_INPUT', 'a transaction touches at most 100 records (DynamoDB TransactWriteItems)'),
    )
    assert.deepEqual((await store.list('bulk')).records, [])
    await store.transaction(async (tx) => {
      for (let i = 0; i < 100; i++) await tx.putIfAbsent('bulk', `k${String(i).padStart(3, '0')}`, i)
    })
    assert.equal((await store.list('bulk', { limit: 1000 })).records.length, 100)
  })

  it('four instances incrementing one counter by compare-and-set lose no update', async () => {
    const store = await newStore()
    await store.putIfAbsent('counter', 'main', { n: 0 })
    const increment = async (instance: DynamoDbStore, times: number) => {
      let wins = 0
      while (wins < times) {
        const current = await instance.get<{ n: number }>('counter', 'main')
        assert.ok(current)
        try {
          await instance.compareAndSet('counter', 'main', current.version, { n: current.value.n + 1 })
          wins++
        } catch (error) {
          if (!isChainopsError(error, 'STORE_CONDITION_FAILED')) throw error
        }
      }
      return wins
    }
    const wins = await Promise.all([1, 2, 3, 4].map(() => increment(another(store), 25)))
    assert.deepEqual(wins, [25, 25, 25, 25])
    assert.deepEqual(await store.get('counter', 'main'), {
      table: 'counter',
      key: 'main',
      version: 101,
      value: { n: 100 },
    })
  })

  it('a transaction that fails its condition undoes nothing another writer committed meanwhile (moto served as DynamoDB is)', async () => {
    // moto's TransactWriteItems puts back a snapshot of the table when a condition fails; with
    // requests on parallel threads that snapshot erased commits made in between (seen as a journal
    // row minted while its invoice stayed PAID). startMoto serves DynamoDB requests one at a time.
    const store = await newStore()
    await store.putIfAbsent('fixed', 'x', { n: 0 }) // version 1, never changed: version 2 always fails
    const winner = async (instance: DynamoDbStore, id: number) => {
      for (let i = 0; i < 40; i++)
        await instance.transaction(async (tx) => {
          await tx.putIfAbsent('won', `w${id}-${i}`, { id, i })
          await tx.putIfAbsent('won-too', `w${id}-${i}`, { id, i })
        })
    }
    let failed = 0
    const loser = async (instance: DynamoDbStore, id: number) => {
      for (let i = 0; i < 40; i++)
        await instance
          .transaction(async (tx) => {
            await tx.putIfAbsent('lost', `l${id}-${i}`, { id, i })
            await tx.compareAndSet('fixed', 'x', 2, { n: 1 })
          })
          .catch((error: unknown) => {
            if (!isChainopsError(error, 'STORE_CONDITION_FAILED')) throw error
            failed++
          })
    }
    await Promise.all([
      ...[1, 2, 3].map((id) => winner(another(store), id)),
      ...[1, 2, 3].map((id) => loser(another(store), id)),
    ])
    assert.equal(failed, 120)
    assert.equal((await store.list('won', { limit: 1000 })).records.length, 120)
    assert.equal((await store.list('won-too', { limit: 1000 })).records.length, 120)
    assert.deepEqual((await store.list('lost', { limit: 1000 })).records, [])
  })

  it('a conditional write retried by the SDK after its response was lost reports success, not a lost condition', async () => {
    const store = await newStore()
    const flaky = new DynamoDBClient({ ...moto.clientConfig, maxAttempts: 3 })
    let drops = 0
    flaky.middlewareStack.add(
      (next, context) => async (args) => {
        const result = await next(args)
        if (context.commandName === 'PutItemCommand' && drops < 2) {
          drops++
          // the write happened; the caller never hears of it, and the SDK retries
          throw Object.assign(new Error('response lost'), { name: 'TimeoutError' })
        }
        return result
      },
      { step: 'deserialize', name: 'dropPutItemResponse', priority: 'high' },
    )
    const retried = new DynamoDbStore({ tableName: store.tableName, client: flaky })
    try {
      assert.equal(await retried.putIfAbsent('invoices', 'h1', { state: 'PENDING' }), 1)
      assert.equal(await retried.compareAndSet('invoices', 'h1', 1, { state: 'PAID' }), 2)
      assert.equal(drops, 2)
      assert.deepEqual(await store.get('invoices', 'h1'), {
        table: 'invoices',
        key: 'h1',
        version: 2,
        value: { state: 'PAID' },
      })
      // and a real loser still loses
      await assert.rejects(retried.putIfAbsent('invoices', 'h1', {}), failsWith('STORE_CONDITION_FAILED'))
    } finally {
      await retried.close()
      flaky.destroy()
    }
  })

  it('never puts a stored value into an error, its cause chain or a log line', async () => {
    const store = await newStore()
    const other = another(store)
    await store.putIfAbsent('keys', 'operator', { mnemonic: MNEMONIC })
    const errors: unknown[] = []
    const collect = (promise: Promise<unknown>) =>
      promise.then(
        () => assert.fail('expected a failure'),
        (error: unknown) => errors.push(error),
      )
    await collect(store.putIfAbsent('keys', 'operator', { mnemonic: MNEMONIC }))
    await collect(store.compareAndSet('keys', 'operator', 7, { mnemonic: MNEMONIC }))
    await collect(store.delete('keys', 'operator', 7))
    await collect(
      store.transaction(async (tx) => {
        await tx.get('keys', 'operator')
        await tx.putIfAbsent('audit', 'x', 1)
        await other.compareAndSet('keys', 'operator', 1, { mnemonic: MNEMONIC, rotated: true })
      }),
    )
    await collect(
      store.transaction(async (tx) => {
        await tx.putIfAbsent('keys', 'operator', { mnemonic: MNEMONIC })
      }),
    )
    const lines: string[] = []
    const logger = createLogger({ sink: (line) => lines.push(line) })
    assert.equal(errors.length, 5)
    for (const error of errors) {
      assert.ok(isChainopsError(error, 'STORE_CONDITION_FAILED'), inspect(error))
      logger.error('store write failed', { error })
      for (const text of [inspect(error, { depth: 20 }), JSON.stringify(error), String(error)])
        assert.ok(!text.includes('legal winner'), text)
    }
    assert.equal(lines.length, 5)
    for (const line of lines) assert.ok(!line.includes('legal winner'), line)
  })
})
