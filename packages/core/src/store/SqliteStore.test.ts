import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { fileURLToPath } from 'node:url'
import type { CoreErrorCode } from '../errors/CoreErrorCode.ts'
import { isChainopsError } from '../errors/isChainopsError.ts'
import { storeContract } from '../testing/storeContract.ts'
import { SqliteStore } from './SqliteStore.ts'
import { StoreError } from './StoreError.ts'

const here = fileURLToPath(new URL('.', import.meta.url))

function failsWith(code: CoreErrorCode, details?: string) {
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

  storeContract('the Store contract', () => {
    const contractDir = mkdtempSync(join(tmpdir(), 'chainops-store-contract-'))
    const stores: SqliteStore[] = []
    return {
      open: () => {
        const store = new SqliteStore({ path: join(contractDir, 'store.db') })
        stores.push(store)
        return store
      },
      dispose: async () => {
        for (const store of stores) await store.close()
        rmSync(contractDir, { recursive: true, force: true })
      },
    }
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

  it('serialises callers of one instance behind an open transaction', async () => {
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
