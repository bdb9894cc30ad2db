import { rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DevnetError } from '../DevnetError.ts'
import { Daemon } from '../process/Daemon.ts'
import { freePort } from '../process/freePort.ts'
import { tempDir } from '../process/tempDir.ts'
import { motoServerBinary } from './motoServerBinary.ts'

// In the package, not in dist: the same path from src/moto and dist/moto.
const serializedMotoServer = fileURLToPath(new URL('../../src/moto/serializedMotoServer.py', import.meta.url))

export type StartMotoParameters = {
  /** AWS region the clients are configured for. Default `us-east-1`. */
  region?: string
  /** Keep the temp dir (with the server log) after `stop()`. */
  keepDir?: boolean
}

/** What AWS SDK v3 clients need to talk to the local moto server. */
export type MotoClientConfig = {
  endpoint: string
  region: string
  credentials: { accessKeyId: string; secretAccessKey: string }
}

export type MotoServer = {
  endpoint: string
  port: number
  dir: string
  logPath: string
  pid: number
  /** Pass to any AWS SDK v3 client constructor: `new SQSClient(moto.clientConfig)`. */
  clientConfig: MotoClientConfig
  /** Drops every resource (moto's reset API), for a clean slate between tests. */
  reset(): Promise<void>
  pids(): number[]
  stop(): Promise<void>
}

/**
 * Starts the real moto server (SQS incl. FIFO, SSM, DynamoDB, ...) on a free 127.0.0.1 port.
 * The credentials are moto's dummies: moto accepts any, AWS SDK v3 just needs some.
 */
export async function startMoto(parameters: StartMotoParameters = {}): Promise<MotoServer> {
  const { region = 'us-east-1', keepDir = false } = parameters
  // moto_server's own venv Python runs our launcher, which serves DynamoDB requests one at a time
  // (see serializedMotoServer.py: moto's failed transactions can undo concurrent commits).
  const python = join(dirname(motoServerBinary()), 'python')
  const dir = await tempDir('moto')
  const port = await freePort()
  const logPath = join(dir, 'moto.log')
  const endpoint = `http://127.0.0.1:${port}`
  const daemon = Daemon.spawn({
    name: 'moto',
    binary: python,
    args: [serializedMotoServer, '127.0.0.1', String(port)],
    logPath,
    cwd: dir,
    env: { ...process.env, PYTHONUNBUFFERED: '1' },
  })
  try {
    await daemon.waitUntil('HTTP ready', async () => (await fetch(`${endpoint}/moto-api/`)).ok, { timeoutMs: 30_000 })
  } catch (error) {
    await daemon.stop()
    throw error
  }
  return {
    endpoint,
    port,
    dir,
    logPath,
    pid: daemon.pid,
    clientConfig: { endpoint, region, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } },
    async reset() {
      const response = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' })
      if (!response.ok) {
        throw new DevnetError({
          code: 'DEVNET_RPC_FAILED',
          shortMessage: `moto reset failed: HTTP ${response.status}`,
          details: `POST ${endpoint}/moto-api/reset`,
        })
      }
    },
    pids: () => [daemon.pid],
    async stop() {
      await daemon.stop()
      if (!keepDir) await rm(dir, { recursive: true, force: true })
    },
  }
}
