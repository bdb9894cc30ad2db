// A receipt watcher in its own process, for tests that SIGKILL it: `createMintWatcher` over the
// AWS mode's store (DynamoDB, on moto) or the embedded one (a node:sqlite file). Same protocol as
// runMinterProcess: config JSON in CHAINOPS_MINTER_CONFIG, the throwaway devnet key in
// CHAINOPS_MINTER_KEY, one JSON event per stdout line (`started`, `lease-held`, `round`).
import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb'
import { createLogger, isChainopsError, Secret, SqliteStore, type Store } from '@chainops/core'
import { DynamoDbStore } from '@chainops/core/aws'
import { createPublicClient, type Hex, http } from 'viem'
import { writeProcessEvent } from '../../minter/testProcesses/writeProcessEvent.ts'
import { createMintWatcher } from '../createMintWatcher.ts'

export type MintWatcherProcessConfig = {
  /** The embedded store's file, or the DynamoDB table (`aws`). */
  dbPath?: string | undefined
  aws?: { tableName: string; clientConfig: DynamoDBClientConfig } | undefined
  rpcUrl: string
  chainId: number
  leaseTtlMs: number
  pollIntervalMs: number
}

const emit = writeProcessEvent

const config = JSON.parse(process.env.CHAINOPS_MINTER_CONFIG ?? '{}') as MintWatcherProcessConfig
const signerKey = new Secret(process.env.CHAINOPS_MINTER_KEY as Hex)
delete process.env.CHAINOPS_MINTER_KEY

const store: Store = config.aws
  ? new DynamoDbStore({ tableName: config.aws.tableName, clientConfig: config.aws.clientConfig })
  : new SqliteStore({ path: config.dbPath as string })
const client = createPublicClient({
  transport: http(config.rpcUrl, { batch: { batchSize: 500, wait: 0 }, retryCount: 2, retryDelay: 100, timeout: 5000 }),
})
const watcher = createMintWatcher({
  store,
  client,
  signerKey,
  chainId: config.chainId,
  pollIntervalMs: config.pollIntervalMs,
  resendAfterMs: 1000,
  lease: { ttlMs: config.leaseTtlMs, holder: `watcher-process-${process.pid}` },
  logger: createLogger({ level: 'warn', sink: (line) => process.stderr.write(`${line}\n`) }),
})

try {
  await watcher.start()
} catch (error) {
  if (!isChainopsError(error, 'MINT_WATCHER_LEASE_HELD')) throw error
  emit({ event: 'lease-held', code: error.code })
  await store.close()
  process.exit(3)
}
emit({ event: 'started', pid: process.pid })
let last = ''
const rounds = setInterval(() => {
  const stats = watcher.stats()
  const line = JSON.stringify({ open: stats.open, minted: stats.minted })
  if (line !== last) emit({ event: 'round', ...stats })
  last = line
}, 50)
const running = watcher.run()

process.on('SIGTERM', () => {
  void (async () => {
    clearInterval(rounds)
    await watcher.stop()
    await running.catch(() => undefined)
    emit({ event: 'stopped', ...watcher.stats() })
    await store.close()
    process.exit(0)
  })()
})
