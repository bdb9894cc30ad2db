// The whole issuance service (settle subscriber, mint consumer of either mode, minter) in its own
// process, for the chaos test that SIGKILLs it (its embedded mode; its AWS mode runs the parts in
// processes of their own: runSettleSubscriberProcess, runMintConsumerLambdaProcess,
// runMintWatcherLambdaProcess): the embedded store and queue in a node:sqlite
// file, or DynamoDB + SQS FIFO on moto with the operator key from SSM. Crash points announce
// themselves on stdout and hang until the test kills the process. Same protocol as
// runMinterProcess: CHAINOPS_MINTER_CONFIG (JSON), CHAINOPS_MINTER_KEY (unused in aws mode: the
// key is read from SSM), one JSON event per stdout line.
import { createLogger, Rational, Secret } from '@chainops/core'
import { authenticatedLndGrpc } from 'lightning'
import type { Hex } from 'viem'
import type { AwsProcessConfig } from '../../lambda/testProcesses/awsProcessConfig.ts'
import { openAwsProcessResources } from '../../lambda/testProcesses/openAwsProcessResources.ts'
import { type CrashAt, crashPointHooks } from '../../minter/testProcesses/crashPointHooks.ts'
import { writeProcessEvent } from '../../minter/testProcesses/writeProcessEvent.ts'
import { openEmbeddedIssuanceResources } from '../openEmbeddedIssuanceResources.ts'
import { type IssuanceMode, startIssuance } from '../startIssuance.ts'

export type IssuanceProcessConfig = {
  mode: IssuanceMode
  /** embedded */
  dbPath?: string | undefined
  /** aws: moto's client config, the table, the queue and the SSM parameter of the operator key. */
  aws?: AwsProcessConfig | undefined
  rpcUrl: string
  chainId: number
  lnd: { socket: string; cert: string; nodeKey: string }
  rate: string
  leaseTtlMs: number
  visibilityTimeoutMs: number
  /** Hang (announcing `crash-point`) after the Nth journal commit / broadcast round. */
  crashAt?: CrashAt | undefined
}

const emit = writeProcessEvent

const config = JSON.parse(process.env.CHAINOPS_MINTER_CONFIG ?? '{}') as IssuanceProcessConfig
const envKey = process.env.CHAINOPS_MINTER_KEY
const readOnlyMacaroon = new Secret(process.env.CHAINOPS_READONLY_MACAROON ?? '')
const invoiceMacaroon = new Secret(process.env.CHAINOPS_INVOICE_MACAROON ?? '')
delete process.env.CHAINOPS_MINTER_KEY
delete process.env.CHAINOPS_READONLY_MACAROON
delete process.env.CHAINOPS_INVOICE_MACAROON

const resources =
  config.mode === 'aws' && config.aws
    ? await openAwsProcessResources(config.aws)
    : {
        ...openEmbeddedIssuanceResources({
          path: config.dbPath as string,
          visibilityTimeoutMs: config.visibilityTimeoutMs,
        }),
        signerKey: new Secret(envKey as Hex),
      }

const connect = (macaroon: Secret<string>) =>
  authenticatedLndGrpc({ cert: config.lnd.cert, macaroon: macaroon.reveal(), socket: config.lnd.socket }).lnd
const issuance = await startIssuance({
  mode: config.mode,
  store: resources.store,
  queue: resources.queue,
  lnd: { invoice: connect(invoiceMacaroon), readOnly: connect(readOnlyMacaroon), nodeKey: config.lnd.nodeKey },
  chain: { rpcUrl: config.rpcUrl, chainId: config.chainId },
  signerKey: 'signerKeys' in resources ? resources.signerKeys : resources.signerKey,
  rate: Rational.fromString(config.rate),
  bounds: { minSats: 1n, maxSats: 10_000_000n },
  http: false,
  minter: {
    leaseTtlMs: config.leaseTtlMs,
    pollIntervalMs: 100,
    resendAfterMs: 1500,
    hooks: crashPointHooks(config.crashAt, emit),
  },
  subscriber: {
    reconcileIntervalMs: 10_000,
    sweepIntervalMs: 0,
    initialBackoffMs: 100,
    maxBackoffMs: 1000,
    onEvent: (event) => {
      if (event.type === 'settled') emit({ event: 'settled', hash: event.paymentHash, via: event.via })
      else if (event.type === 'disconnected') emit({ event: 'lnd-disconnected', reason: event.reason })
      else if (event.type === 'subscribed') emit({ event: 'subscribed', cursor: event.cursor })
      else if (event.type === 'reconciled') emit({ event: 'reconciled', cursor: event.cursor, found: event.found })
    },
  },
  consumer: {
    visibilityTimeoutMs: config.visibilityTimeoutMs,
    idleMs: 50,
    retryDelayMs: 500,
    onReceive: (message) => {
      let hash: unknown
      try {
        hash = (JSON.parse(message.body) as { paymentHash?: unknown }).paymentHash
      } catch {}
      emit({ event: 'received', hash, receiveCount: message.receiveCount })
    },
  },
  logger: createLogger({ level: 'warn', sink: (line) => process.stderr.write(`${line}\n`) }),
})
emit({ event: 'started', pid: process.pid, ...(issuance.recovery ?? {}) })
// Once a second: the consumer's and (aws mode) the receipt watcher's counters, for a test's diagnostics.
const stats = setInterval(() => {
  const { consumer, watcher } = issuance.stats()
  emit({ event: 'stats', consumer, watcher, watcherActive: issuance.watcher?.active() })
}, 1000)
stats.unref()

process.on('SIGTERM', () => {
  void (async () => {
    await issuance.stop()
    emit({ event: 'stopped', ...issuance.stats().minter })
    await resources.close()
    process.exit(0)
  })()
})
