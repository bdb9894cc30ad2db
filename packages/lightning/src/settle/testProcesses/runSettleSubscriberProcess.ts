// One settle subscriber alone, in its own process, for the active/standby tests that SIGKILL the
// active one: the embedded store and mint queue in a node:sqlite file, or (`aws`) the AWS mode's
// DynamoDB table and SQS FIFO queue on moto, as on the lnd host in production; lnd through the read-only
// macaroon (CHAINOPS_READONLY_MACAROON), the config as JSON in CHAINOPS_MINTER_CONFIG (the protocol
// of spawnMinterProcess), one JSON event per stdout line (every SettleEvent as `event: <type>`).
import { type Queue, SqliteQueue, SqliteStore, type Store } from '@chainops/core'
import { DynamoDbStore, SqsQueue } from '@chainops/core/aws'
import { authenticatedLndGrpc } from 'lightning'
import type { AwsProcessConfig } from '../../lambda/testProcesses/awsProcessConfig.ts'
import { writeProcessEvent } from '../../minter/testProcesses/writeProcessEvent.ts'
import { startSettleSubscriber } from '../startSettleSubscriber.ts'

export type SettleSubscriberProcessConfig = {
  /** The embedded store's file, or the AWS mode's table and queue (`aws`). */
  dbPath?: string | undefined
  aws?: Pick<AwsProcessConfig, 'clientConfig' | 'tableName' | 'queueName'> | undefined
  lnd: { socket: string; cert: string; nodeKey: string }
  /** One sending key's address or K. */
  sender: string | string[]
  holder: string
  ttlMs: number
  pollIntervalMs?: number | undefined
  /** Default 0: the reconciler runs only at each (re)subscription. */
  reconcileIntervalMs?: number | undefined
}

const emit = (event: Record<string, unknown>) => writeProcessEvent({ ...event, at: Date.now() })

const config = JSON.parse(process.env.CHAINOPS_MINTER_CONFIG ?? '{}') as SettleSubscriberProcessConfig
const macaroon = process.env.CHAINOPS_READONLY_MACAROON ?? ''
delete process.env.CHAINOPS_READONLY_MACAROON
delete process.env.CHAINOPS_MINTER_KEY

const store: Store = config.aws
  ? new DynamoDbStore({ tableName: config.aws.tableName, clientConfig: config.aws.clientConfig })
  : new SqliteStore({ path: config.dbPath as string })
const queue: Queue = config.aws
  ? new SqsQueue({ name: config.aws.queueName, clientConfig: config.aws.clientConfig })
  : new SqliteQueue({ path: config.dbPath as string, name: 'mint' })
const { lnd } = authenticatedLndGrpc({ cert: config.lnd.cert, macaroon, socket: config.lnd.socket })
const subscriber = startSettleSubscriber({
  lnd,
  store,
  queue,
  nodeKey: config.lnd.nodeKey,
  sender: config.sender,
  lease: { holder: config.holder, ttlMs: config.ttlMs, pollIntervalMs: config.pollIntervalMs },
  initialBackoffMs: 100,
  maxBackoffMs: 1000,
  reconcileIntervalMs: config.reconcileIntervalMs ?? 0,
  sweepIntervalMs: 0,
  onEvent: (event) => {
    const { type, ...rest } = event
    emit(
      type === 'settled'
        ? {
            event: type,
            paymentHash: event.paymentHash,
            settleIndex: event.settleIndex,
            via: event.via,
            outcome: event.result.outcome,
          }
        : { event: type, ...rest, ...('error' in rest ? { error: rest.error.code } : {}) },
    )
  },
})
emit({ event: 'started', holder: config.holder, pid: process.pid })

process.once('SIGTERM', () => {
  void (async () => {
    await subscriber.stop()
    await queue.close()
    await store.close()
    emit({ event: 'stopped' })
    process.exit(0)
  })()
})
