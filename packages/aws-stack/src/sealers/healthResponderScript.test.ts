import assert from 'node:assert/strict'
import { type ChildProcess, spawn } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { daemonBinary, freePort, tempDir } from '@chainops/devnet'
import { healthResponderScript } from './healthResponderScript.ts'

const STALE_SECONDS = 3

/** One GET; a refused connection counts as no answer. */
async function get(port: number, path: string): Promise<{ status: number; body: string } | undefined> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(5000) })
    return { status: response.status, body: await response.text() }
  } catch {
    return undefined
  }
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const value = await probe()
    if (value !== undefined) return value
    await sleep(200)
  }
  throw new Error(`timed out waiting for ${what}`)
}

/** A real geth v1.13.15 in dev mode with HTTP (eth,net,web3) on `httpPort`; `period` 0 seals no block without a transaction. */
async function startGeth(httpPort: number, period: number): Promise<ChildProcess> {
  const dir = await tempDir('health-geth')
  const child = spawn(
    daemonBinary('geth'),
    [
      '--dev',
      `--dev.period=${period}`,
      `--datadir=${dir}`,
      '--http',
      '--http.addr=127.0.0.1',
      `--http.port=${httpPort}`,
      '--http.api=eth,net,web3',
      `--authrpc.port=${await freePort()}`,
      '--port=0',
      '--nodiscover',
      '--maxpeers=0',
      '--ipcdisable',
    ],
    { stdio: 'ignore' },
  )
  return child
}

async function startResponder(rpcPort: number, healthPort: number): Promise<ChildProcess> {
  const file = join(await tempDir('health-responder'), 'geth-health.py')
  await writeFile(file, healthResponderScript(rpcPort, healthPort, STALE_SECONDS))
  return spawn('python3', [file], { stdio: 'ignore' })
}

function stop(child: ChildProcess | undefined): void {
  if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null)
    process.kill(child.pid, 'SIGKILL')
}

describe('healthResponderScript (python3 beside a real geth)', function () {
  this.timeout(120_000)
  const children: ChildProcess[] = []
  afterEach(() => {
    for (const child of children.splice(0)) stop(child)
  })

  it('answers 200 while the head moves, then 503 once geth is gone', async () => {
    const [rpcPort, healthPort] = [await freePort(), await freePort()]
    const geth = await startGeth(rpcPort, 1)
    children.push(geth, await startResponder(rpcPort, healthPort))
    const ok = await until('a healthy answer', async () => {
      const answer = await get(healthPort, '/health')
      return answer?.status === 200 ? answer : undefined
    })
    assert.deepEqual(ok, { status: 200, body: 'ok' })
    // a head that keeps moving stays healthy past the stale window
    await sleep((STALE_SECONDS + 1) * 1000)
    assert.deepEqual(await get(healthPort, '/health'), { status: 200, body: 'ok' })
    assert.deepEqual(await get(healthPort, '/'), { status: 503, body: 'stale' })
    stop(geth)
    await until('geth to exit', async () => (geth.exitCode !== null || geth.signalCode !== null ? true : undefined))
    assert.deepEqual(await get(healthPort, '/health'), { status: 503, body: 'stale' })
  })

  it('answers 503 once a head that answers eth_blockNumber stops moving for the stale window', async () => {
    const [rpcPort, healthPort] = [await freePort(), await freePort()]
    children.push(await startGeth(rpcPort, 0), await startResponder(rpcPort, healthPort))
    // the first head seen counts as moved
    await until('a first answer', async () => ((await get(healthPort, '/health'))?.status === 200 ? true : undefined))
    await sleep((STALE_SECONDS + 1) * 1000)
    assert.deepEqual(await get(healthPort, '/health'), { status: 503, body: 'stale' })
  })
})
