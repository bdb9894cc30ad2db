import assert from 'node:assert/strict'
import type { CoreErrorCode } from '../errors/CoreErrorCode.ts'
import { isChainopsError } from '../errors/isChainopsError.ts'
import type { Store, StoreTransaction } from '../store/Store.ts'

/** One backing (a SQLite file, a DynamoDB table) for one test, with as many instances as it asks for. */
export type StoreContractTarget = {
  /** A new instance over this test's backing; several instances share it. */
  open(): Store | Promise<Store>
  /** Closes what `open` made and removes the backing. */
  dispose(): Promise<void>
}

function failsWith(code: CoreErrorCode, details?: string) {
  return (error: unknown) => isChainopsError(error, code) && (details === undefined || error.details === details)
}

/**
 * The behaviour every `Store` shares, as mocha tests: run it inside a `describe` of each adapter
 * with a factory that makes a fresh, empty backing per test. Adapter-specific behaviour (SQLite's
 * locks and crash safety, DynamoDB's commit-time conditions) is tested beside each adapter.
 */
export function storeContract(
  title: string,
  makeTarget: () => StoreContractTarget | Promise<StoreContractTarget>,
): void {
  describe(title, () => {
    let target: StoreContractTarget
    const open = () => target.open()

    beforeEach(async () => {
      target = await makeTarget()
    })
    afterEach(async () => {
      await target.dispose()
    })

    it('putIfAbsent creates version 1 and refuses a duplicate with STORE_CONDITION_FAILED', async () => {
      const store = await open()
      assert.equal(await store.putIfAbsent('invoices', 'h1', { sats: '21', state: 'PENDING' }), 1)
      await assert.rejects(
        store.putIfAbsent('invoices', 'h1', { sats: '99' }),
        failsWith('STORE_CONDITION_FAILED', 'invoices/h1: the key already exists'),
      )
      assert.deepEqual(await store.get('invoices', 'h1'), {
        table: 'invoices',
        key: 'h1',
        version: 1,
        value: { sats: '21', state: 'PENDING' },
      })
      assert.equal(await store.get('invoices', 'missing'), undefined)
      // tables are separate namespaces
      assert.equal(await store.putIfAbsent('mints', 'h1', { nonce: 0 }), 1)
    })

    it('compareAndSet moves the version on and refuses a stale or missing version', async () => {
      const store = await open()
      await store.putIfAbsent('invoices', 'h1', { state: 'PENDING' })
      assert.equal(await store.compareAndSet('invoices', 'h1', 1, { state: 'PAID' }), 2)
      await assert.rejects(
        store.compareAndSet('invoices', 'h1', 1, { state: 'EXPIRED' }),
        failsWith('STORE_CONDITION_FAILED', 'invoices/h1: expected version 1, found version 2'),
      )
      await assert.rejects(
        store.compareAndSet('invoices', 'nope', 1, {}),
        failsWith('STORE_CONDITION_FAILED', 'invoices/nope: expected version 1, found no record'),
      )
      assert.deepEqual((await store.get('invoices', 'h1'))?.value, { state: 'PAID' })
    })

    it('delete is unconditional without a version and conditional with one', async () => {
      const store = await open()
      await store.putIfAbsent('t', 'a', 1)
      await store.putIfAbsent('t', 'b', 2)
      assert.equal(await store.delete('t', 'a'), true)
      assert.equal(await store.delete('t', 'a'), false)
      await assert.rejects(
        store.delete('t', 'b', 2),
        failsWith('STORE_CONDITION_FAILED', 't/b: expected version 2, found version 1'),
      )
      assert.equal(await store.delete('t', 'b', 1), true)
      assert.equal(await store.get('t', 'b'), undefined)
    })

    it('list pages through a table in key order, by prefix, with after and limit', async () => {
      const store = await open()
      for (const key of ['inv:3', 'inv:1', 'job:1', 'inv:2', 'inv:%x', 'inw']) await store.putIfAbsent('t', key, key)
      await store.putIfAbsent('other', 'inv:0', 'x')
      const first = await store.list('t', { prefix: 'inv:', limit: 2 })
      assert.deepEqual(
        first.records.map((r) => r.key),
        ['inv:%x', 'inv:1'],
      )
      assert.equal(first.next, 'inv:1')
      const second = await store.list('t', { prefix: 'inv:', limit: 2, after: first.next })
      assert.deepEqual(
        second.records.map((r) => r.key),
        ['inv:2', 'inv:3'],
      )
      assert.equal(second.next, undefined)
      assert.deepEqual(
        (await store.list('t', { prefix: 'inv:%' })).records.map((r) => r.key),
        ['inv:%x'],
      )
      assert.deepEqual(
        (await store.list('t')).records.map((r) => [r.key, r.version, r.value]),
        [
          ['inv:%x', 1, 'inv:%x'],
          ['inv:1', 1, 'inv:1'],
          ['inv:2', 1, 'inv:2'],
          ['inv:3', 1, 'inv:3'],
          ['inw', 1, 'inw'],
          ['job:1', 1, 'job:1'],
        ],
      )
      await assert.rejects(store.list('t', { limit: 0 }), failsWith('STORE_INVALID_INPUT', 'limit is 1 to 1000'))
    })

    it('list honours an after that lies before, inside or beyond the prefix, and orders keys by their bytes', async () => {
      const store = await open()
      for (const key of ['a', 'b:1', 'b:2', 'c', 'é', 'z']) await store.putIfAbsent('t', key, 0)
      const keys = async (options: { prefix?: string; after?: string }) =>
        (await store.list('t', options)).records.map((r) => r.key)
      assert.deepEqual(await keys({ prefix: 'b:', after: 'a' }), ['b:1', 'b:2'])
      assert.deepEqual(await keys({ prefix: 'b:', after: 'b:1' }), ['b:2'])
      assert.deepEqual(await keys({ prefix: 'b:', after: 'b:2' }), [])
      assert.deepEqual(await keys({ prefix: 'b:', after: 'c' }), [])
      assert.deepEqual(await keys({ after: 'c' }), ['z', 'é'])
    })

    it('refuses bad tables, keys, versions and non-JSON values with STORE_INVALID_INPUT, never echoing values', async () => {
      const store = await open()
      await assert.rejects(store.get('bad table', 'k'), failsWith('STORE_INVALID_INPUT'))
      await assert.rejects(store.get('t', ''), failsWith('STORE_INVALID_INPUT'))
      await assert.rejects(store.get('t', 'k'.repeat(1025)), failsWith('STORE_INVALID_INPUT'))
      await assert.rejects(
        store.compareAndSet('t', 'k', 0, {}),
        failsWith('STORE_INVALID_INPUT', 'a version is a whole number from 1'),
      )
      await assert.rejects(
        store.putIfAbsent('t', 'k', { wei: 1n, mnemonic: 'legal winner thank year' }),
        (error: unknown) =>
          failsWith('STORE_INVALID_INPUT', 'the value for t/k is not JSON (a bigint or a cycle?)')(error) &&
          !(error as Error).message.includes('legal'),
      )
      await assert.rejects(store.putIfAbsent('t', 'k', undefined), failsWith('STORE_INVALID_INPUT'))
      await assert.rejects(store.putIfAbsent('t', 'k', 'x'.repeat(400_000)), failsWith('STORE_INVALID_INPUT'))
    })

    it('getMany reads records of several tables in the order asked, missing ones undefined, a key twice, over 100 keys', async () => {
      const store = await open()
      for (let index = 0; index < 120; index++) await store.putIfAbsent('many', `k${index}`, { index })
      await store.compareAndSet('many', 'k7', 1, { index: 7, again: true })
      await store.putIfAbsent('other', 'k7', 'other table')
      const keys = [
        { table: 'other', key: 'k7' },
        { table: 'many', key: 'k7' },
        { table: 'many', key: 'absent' },
        { table: 'many', key: 'k7' },
        ...Array.from({ length: 120 }, (_, index) => ({ table: 'many', key: `k${119 - index}` })),
      ]
      const records = await store.getMany(keys)
      assert.equal(records.length, 124)
      assert.deepEqual(records.slice(0, 4), [
        { table: 'other', key: 'k7', version: 1, value: 'other table' },
        { table: 'many', key: 'k7', version: 2, value: { index: 7, again: true } },
        undefined,
        { table: 'many', key: 'k7', version: 2, value: { index: 7, again: true } },
      ])
      assert.deepEqual(
        records
          .slice(4)
          .map((record) => [record?.key, record?.version, (record?.value as { index: number } | undefined)?.index]),
        Array.from({ length: 120 }, (_, index) => [`k${119 - index}`, 119 - index === 7 ? 2 : 1, 119 - index]),
      )
      assert.deepEqual(await store.getMany([]), [])
      await assert.rejects(store.getMany([{ table: 'many', key: '' }]), failsWith('STORE_INVALID_INPUT'))
      await assert.rejects(
        store.getMany('many' as never),
        failsWith('STORE_INVALID_INPUT', 'getMany takes an array of { table, key }'),
      )
    })

    it('two instances on one backing cannot both win a compare-and-set', async () => {
      const a = await open()
      const b = await open()
      await a.putIfAbsent('counter', 'main', { n: 0 })
      const [readA, readB] = await Promise.all([a.get('counter', 'main'), b.get('counter', 'main')])
      assert.equal(readA?.version, 1)
      assert.equal(readB?.version, 1)
      const results = await Promise.allSettled([
        a.compareAndSet('counter', 'main', 1, { n: 'a' }),
        b.compareAndSet('counter', 'main', 1, { n: 'b' }),
      ])
      const won = results.findIndex((r) => r.status === 'fulfilled')
      assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected'])
      const lost = results[1 - won]
      assert.ok(lost?.status === 'rejected' && isChainopsError(lost.reason, 'STORE_CONDITION_FAILED'))
      assert.deepEqual(await b.get('counter', 'main'), {
        table: 'counter',
        key: 'main',
        version: 2,
        value: { n: won === 0 ? 'a' : 'b' },
      })
    })

    it('transaction commits several conditional writes together', async () => {
      const store = await open()
      await store.putIfAbsent('invoices', 'h1', { state: 'PENDING' })
      const result = await store.transaction(async (tx) => {
        const invoice = await tx.get('invoices', 'h1')
        assert.ok(invoice)
        await tx.compareAndSet('invoices', 'h1', invoice.version, { state: 'PAID' })
        await tx.putIfAbsent('mints', 'h1', { state: 'QUEUED' })
        return 'done'
      })
      assert.equal(result, 'done')
      assert.equal((await store.get('invoices', 'h1'))?.version, 2)
      assert.equal((await store.get('mints', 'h1'))?.version, 1)
    })

    it('a throw inside transaction, a failed condition included, rolls every write back', async () => {
      const store = await open()
      await store.putIfAbsent('invoices', 'h1', { state: 'PENDING' })
      await store.putIfAbsent('mints', 'h1', { state: 'QUEUED' })
      await assert.rejects(
        store.transaction(async (tx) => {
          await tx.compareAndSet('invoices', 'h1', 1, { state: 'PAID' })
          await tx.putIfAbsent('audit', 'h1', { at: 1 })
          await tx.putIfAbsent('mints', 'h1', { state: 'QUEUED' }) // exists: the condition fails
        }),
        failsWith('STORE_CONDITION_FAILED', 'mints/h1: the key already exists'),
      )
      await assert.rejects(
        store.transaction(async (tx) => {
          await tx.compareAndSet('invoices', 'h1', 1, { state: 'PAID' })
          throw new Error('boom')
        }),
        /boom/,
      )
      assert.deepEqual(await store.get('invoices', 'h1'), {
        table: 'invoices',
        key: 'h1',
        version: 1,
        value: { state: 'PENDING' },
      })
      assert.equal(await store.get('audit', 'h1'), undefined)
    })

    it('several writes to one record inside a transaction see each other and commit as the last one', async () => {
      const store = await open()
      await store.putIfAbsent('t', 'gone', 'x')
      await store.transaction(async (tx) => {
        assert.equal(await tx.putIfAbsent('t', 'a', 'first'), 1)
        assert.equal(await tx.compareAndSet('t', 'a', 1, 'second'), 2)
        assert.deepEqual(await tx.get('t', 'a'), { table: 't', key: 'a', version: 2, value: 'second' })
        await assert.rejects(
          tx.compareAndSet('t', 'a', 1, 'stale'),
          failsWith('STORE_CONDITION_FAILED', 't/a: expected version 1, found version 2'),
        )
        assert.equal(await tx.delete('t', 'gone'), true)
        assert.equal(await tx.delete('t', 'gone'), false)
        assert.equal(await tx.get('t', 'gone'), undefined)
        assert.equal(await tx.putIfAbsent('t', 'gone', 'again'), 1)
      })
      assert.deepEqual(await store.get('t', 'a'), { table: 't', key: 'a', version: 2, value: 'second' })
      assert.deepEqual(await store.get('t', 'gone'), { table: 't', key: 'gone', version: 1, value: 'again' })
    })

    it('refuses the store inside its own transaction, and a transaction object after it ended', async () => {
      const store = await open()
      await store.putIfAbsent('t', 'a', 1)
      await assert.rejects(
        store.transaction(async () => {
          await store.get('t', 'a')
        }),
        failsWith('STORE_NESTED_TRANSACTION'),
      )
      await assert.rejects(
        store.transaction(async () => {
          await store.getMany([{ table: 't', key: 'a' }])
        }),
        failsWith('STORE_NESTED_TRANSACTION'),
      )
      let leaked: StoreTransaction | undefined
      await store.transaction((tx) => {
        leaked = tx
      })
      assert.ok(leaked)
      await assert.rejects(leaked.get('t', 'a'), failsWith('STORE_CLOSED'))
    })

    it('refuses calls after close with STORE_CLOSED', async () => {
      const store = await open()
      await store.close()
      await assert.rejects(store.get('t', 'a'), failsWith('STORE_CLOSED'))
      await assert.rejects(store.getMany([{ table: 't', key: 'a' }]), failsWith('STORE_CLOSED'))
      await assert.rejects(store.putIfAbsent('t', 'a', 1), failsWith('STORE_CLOSED'))
      await assert.rejects(
        store.transaction(() => {}),
        failsWith('STORE_CLOSED'),
      )
      await store.close()
    })
  })
}
