import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { fileURLToPath } from 'node:url'
import { isChainopsError } from '../errors/ChainopsError.ts'
import { SqliteStore } from './SqliteStore.ts'
import { StoreError } from './StoreError.ts'

const here = fileURLToPath(new URL('.', import.meta.url))

function failsWith(code: string, details?: string) {
  return (error: unknown) => isChainopsError(error, code) && (details === undefined || error.details === details)
}

type ChildResult = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

/** Runs a script under testProcesses/ with the same Node; `onLine` may kill it by its PID. */
function runChild(script: string, args: string[], onLine?: (line: string, pid: number) => void): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(here, 'testProcesses', script), ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
      for (const line of chunk.split('\n')) if (line && child.pid !== undefined) onLine?.(line, child.pid)
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
    })
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }))
  })
}

describe('SqliteStore', () => {
  let dir: string
  let path: string
  const opened: SqliteStore[] = []
  const open = (busyTimeoutMs?: number) => {
    const store = new SqliteStore({ path, busyTimeoutMs })
    opened.push(store)
    return store
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'chainops-store-'))
    path = join(dir, 'store.db')
  })
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('putIfAbsent creates version 1 and refuses a duplicate with STORE_CONDITION_FAILED', async () => {
    const store = open()
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
    const store = open()
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
    const store = open()
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
    const store = open()
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

  it('refuses bad tables, keys, versions and non-JSON values with STORE_INVALID_INPUT, never echoing values', async () => {
    const store = open()
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

  it('two SqliteStore instances on one file cannot both win a compare-and-set', async () => {
    const a = open()
    const b = open()
    await a.putIfAbsent('counter', 'main', { n: 0 })
    const [readA, readB] = await Promise.all([a.get('counter', 'main'), b.get('counter', 'main')])
    assert.equal(readA?.version, 1)
    assert.equal(readB?.version, 1)
    const results = await Promise.allSettled([
      a.compareAndSet('counter', 'main', 1, { n: 'a' }),
      b.compareAndSet('counter', 'main', 1, { n: 'b' }),
    ])
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'rejected'],
    )
    assert.ok(results[1]?.status === 'rejected' && isChainopsError(results[1].reason, 'STORE_CONDITION_FAILED'))
    assert.deepEqual(await b.get('counter', 'main'), { table: 'counter', key: 'main', version: 2, value: { n: 'a' } })
  })

  it('four processes incrementing one counter by compare-and-set lose no update', async () => {
    const store = open()
    await store.putIfAbsent('counter', 'main', { n: 0 })
    const results = await Promise.all([1, 2, 3, 4].map(() => runChild('casIncrement.ts', [path, '50'])))
    for (const result of results) assert.equal(result.code, 0, result.stderr)
    const outcomes = results.map((r) => JSON.parse(r.stdout) as { wins: number; conflicts: number })
    assert.deepEqual(
      outcomes.map((o) => o.wins),
      [50, 50, 50, 50],
    )
    assert.deepEqual(await store.get('counter', 'main'), {
      table: 'counter',
      key: 'main',
      version: 201,
      value: { n: 200 },
    })
  })

  it('transaction commits several conditional writes together', async () => {
    const store = open()
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
    const store = open()
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

  it('serialises callers of one instance behind an open transaction, and refuses the store inside its own transaction', async () => {
    const store = open()
    const order: string[] = []
    let release = () => {}
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const transaction = store.transaction(async (tx) => {
      await tx.putIfAbsent('t', 'a', 1)
      order.push('tx wrote')
      await gate
      order.push('tx done')
    })
    const outside = store.get('t', 'a').then((record) => {
      order.push(`outside read version ${record?.version}`)
    })
    await new Promise((resolve) => setTimeout(resolve, 20))
    release()
    await Promise.all([transaction, outside])
    assert.deepEqual(order, ['tx wrote', 'tx done', 'outside read version 1'])

    await assert.rejects(
      store.transaction(async () => {
        await store.get('t', 'a')
      }),
      failsWith('STORE_NESTED_TRANSACTION'),
    )
    let leaked: Parameters<Parameters<SqliteStore['transaction']>[0]>[0] | undefined
    await store.transaction((tx) => {
      leaked = tx
    })
    await assert.rejects(leaked!.get('t', 'a'), failsWith('STORE_CLOSED'))
  })

  it('refuses calls after close with STORE_CLOSED', async () => {
    const store = new SqliteStore({ path })
    await store.close()
    await assert.rejects(store.get('t', 'a'), failsWith('STORE_CLOSED'))
    await store.close()
  })

  it('reports a lock held past the busy timeout as STORE_BUSY', async () => {
    const holder = new DatabaseSync(path)
    const store = open(50)
    holder.exec('BEGIN IMMEDIATE')
    try {
      await assert.rejects(store.putIfAbsent('t', 'a', 1), failsWith('STORE_BUSY'))
      await assert.rejects(
        store.transaction(() => {}),
        failsWith('STORE_BUSY'),
      )
    } finally {
      holder.exec('ROLLBACK')
      holder.close()
    }
    assert.equal(await store.putIfAbsent('t', 'a', 1), 1)
  })

  for (const mode of ['exit', 'sigkill'] as const) {
    it(`a process that dies mid-transaction (${mode === 'exit' ? 'process.exit' : 'SIGKILL'}) leaves nothing half-written`, async () => {
      const store = open()
      await store.putIfAbsent('counter', 'main', { n: 0 })
      await store.putIfAbsent('crash', 'row-before', { kept: true })
      let walBytesAtKill = 0
      // 4000 rows of ~1 KB overflow SQLite's page cache, so uncommitted pages reach the WAL file
      const result = await runChild('crashInTransaction.ts', [path, mode, '4000'], (line, pid) => {
        if (line !== 'READY') return
        walBytesAtKill = statSync(`${path}-wal`).size
        process.kill(pid, 'SIGKILL')
      })
      if (mode === 'exit') {
        assert.equal(result.code, 3, result.stderr)
      } else {
        assert.equal(result.signal, 'SIGKILL', result.stderr)
        assert.ok(walBytesAtKill > 1_000_000, `uncommitted frames reached the WAL: ${walBytesAtKill} bytes`)
      }
      await store.close()
      opened.splice(0)

      const reopened = open()
      const rows = await reopened.list('crash', { limit: 1000 })
      assert.deepEqual(
        rows.records.map((r) => r.key),
        ['row-before'],
      )
      assert.deepEqual(await reopened.get('counter', 'main'), {
        table: 'counter',
        key: 'main',
        version: 1,
        value: { n: 0 },
      })
      const check = new DatabaseSync(path)
      try {
        assert.deepEqual(
          check
            .prepare('PRAGMA integrity_check')
            .all()
            .map((row) => ({ ...row })),
          [{ integrity_check: 'ok' }],
        )
        assert.deepEqual(
          { ...check.prepare("SELECT count(*) AS n FROM chainops_records WHERE tbl = 'crash'").get() },
          { n: 1 },
        )
      } finally {
        check.close()
      }
      // the lock died with the process: a new transaction goes through
      await reopened.transaction(async (tx) => {
        await tx.compareAndSet('counter', 'main', 1, { n: 1 })
      })
      assert.equal((await reopened.get('counter', 'main'))?.version, 2)
    })
  }

  it('StoreError is a ChainopsError with a stable code', () => {
    const error = new StoreError({ code: 'STORE_BUSY', shortMessage: 'busy' })
    assert.equal(error.name, 'StoreError')
    assert.ok(isChainopsError(error, 'STORE_BUSY'))
  })
})
