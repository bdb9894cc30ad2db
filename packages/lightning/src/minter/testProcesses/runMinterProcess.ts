// A minter in its own process, for tests that SIGKILL it: the embedded store and queue (one
// node:sqlite file), the pipelined consumer, and optional crash points where it announces itself
// on stdout and then hangs until the test kills it. Configured by CHAINOPS_MINTER_CONFIG (JSON) and
// CHAINOPS_MINTER_KEY (a throwaway devnet key). Writes one JSON event per stdout line.
import { createLogger, Secret, SqliteQueue, SqliteStore } from '@chainops/core'
import { createPublicClient, type Hex, http } from 'viem'
import { runMintPipeline } from '../../pipeline/runMintPipeline.ts'
import { createMinter } from '../createMinter.ts'
import { type CrashAt, crashPointHooks } from './crashPointHooks.ts'
import { writeProcessEvent } from './writeProcessEvent.ts'

export type MinterProcessConfig = {
  dbPath: string
  queueName: string
  rpcUrl: string
  chainId: number
  leaseTtlMs: number
  visibilityTimeoutMs: number
  /** Hang (announcing `crash-point`) after the Nth journal commit / broadcast round. */
  crashAt?: CrashAt | undefined
  maxInFlight?: number | undefined
}

const emit = writeProcessEvent

const config = JSON.parse(process.env.CHAINOPS_MINTER_CONFIG ?? '{}') as MinterProcessConfig
const signerKey = new Secret(process.env.CHAINOPS_MINTER_KEY as Hex)
delete process.env.CHAINOPS_MINTER_KEY

const store = new SqliteStore({ path: config.dbPath })
const queue = new SqliteQueue({
  path: config.dbPath,
  name: config.queueName,
  visibilityTimeoutMs: config.visibilityTimeoutMs,
})
const client = createPublicClient({
  transport: http(config.rpcUrl, { batch: { batchSize: 500, wait: 0 }, retryCount: 2, retryDelay: 100, timeout: 5000 }),
})
const minter = createMinter({
  store,
  client,
  signerKey,
  chainId: config.chainId,
  lease: { ttlMs: config.leaseTtlMs },
  pollIntervalMs: 100,
  resendAfterMs: 1500,
  logger: createLogger({ level: 'warn', sink: (line) => process.stderr.write(`${line}\n`) }),
  hooks: crashPointHooks(config.crashAt, emit),
})

const recovery = await minter.start()
emit({ event: 'started', pid: process.pid, ...recovery })
const pipeline = runMintPipeline({
  queue,
  minter,
  visibilityTimeoutMs: config.visibilityTimeoutMs,
  retryDelayMs: 500,
  maxInFlight: config.maxInFlight,
  onReceive: (message) => {
    let hash: unknown
    try {
      hash = (JSON.parse(message.body) as { paymentHash?: unknown }).paymentHash
    } catch {}
    emit({ event: 'received', hash, receiveCount: message.receiveCount })
  },
})
const stats = setInterval(() => emit({ event: 'stats', ...minter.stats(), ...pipeline.stats() }), 1000)

process.on('SIGTERM', () => {
  void (async () => {
    clearInterval(stats)
    await pipeline.stop()
    await minter.stop()
    emit({ event: 'stopped', ...minter.stats(), ...pipeline.stats() })
    await queue.close()
    await store.close()
    process.exit(0)
  })()
})
