// The AWS mode's mint consumer alone in its own process, as the SQS consumer Lambda runs in
// production, for the chaos test that SIGKILLs it: `createMintConsumerHandler` over one minter per
// sending key (`lease: false`, `watch: false`: no receipt watcher here), driven by
// `runSqsEventSource` on moto's SQS FIFO queue, the keys from SSM. The minters' crash points
// (`crashPointHooks`) announce themselves on stdout and hang until the test kills the process.
// Protocol of spawnMinterProcess: the config as JSON in CHAINOPS_MINTER_CONFIG, one JSON event
// per stdout line (each with `at`, epoch ms): `received` per delivery, `acked` per deleted message.
import { createLogger, type Queue } from '@chainops/core'
import { createPublicClient, http } from 'viem'
import { createMinter } from '../../minter/createMinter.ts'
import { type CrashAt, crashPointHooks } from '../../minter/testProcesses/crashPointHooks.ts'
import { writeProcessEvent } from '../../minter/testProcesses/writeProcessEvent.ts'
import { parseMintMessage } from '../../pipeline/parseMintMessage.ts'
import { createMintConsumerHandler } from '../createMintConsumerHandler.ts'
import { runSqsEventSource } from '../runSqsEventSource.ts'
import type { AwsProcessConfig } from './awsProcessConfig.ts'
import { openAwsProcessResources } from './openAwsProcessResources.ts'

export type MintConsumerLambdaProcessConfig = {
  aws: AwsProcessConfig
  rpcUrl: string
  chainId: number
  visibilityTimeoutMs: number
  /** Hang (announcing `crash-point`) after the Nth journal commit / broadcast round of its minters. */
  crashAt?: CrashAt | undefined
}

const emit = (event: Record<string, unknown>) => writeProcessEvent({ ...event, at: Date.now() })

const config = JSON.parse(process.env.CHAINOPS_MINTER_CONFIG ?? '{}') as MintConsumerLambdaProcessConfig
delete process.env.CHAINOPS_MINTER_KEY

const resources = await openAwsProcessResources(config.aws)
const logger = createLogger({ level: 'warn', sink: (line) => process.stderr.write(`${line}\n`) })
const client = createPublicClient({
  transport: http(config.rpcUrl, {
    batch: { batchSize: 500, wait: 0 },
    retryCount: 2,
    retryDelay: 200,
    timeout: 10_000,
  }),
})
const hooks = crashPointHooks(config.crashAt, emit)
const minters = resources.signerKeys.map((signerKey) =>
  createMinter({
    store: resources.store,
    client,
    signerKey,
    chainId: config.chainId,
    lease: false,
    watch: false,
    pollIntervalMs: 100,
    resendAfterMs: 1500,
    hooks,
    logger,
  }),
)

// The queue as the event source uses it, announcing each message it deletes (acknowledges).
const inner = resources.queue
const hashes = new Map<string, string>()
const queue: Queue = {
  send: (parameters) => inner.send(parameters),
  async receive(parameters) {
    const messages = await inner.receive(parameters)
    for (const message of messages) {
      const parsed = parseMintMessage(message.body)
      if (parsed.ok) hashes.set(message.receiptHandle, parsed.message.paymentHash)
    }
    return messages
  },
  async delete(receiptHandle) {
    const deleted = await inner.delete(receiptHandle)
    if (deleted) emit({ event: 'acked', hash: hashes.get(receiptHandle) })
    hashes.delete(receiptHandle)
    return deleted
  },
  changeVisibility: (receiptHandle, visibilityTimeoutMs) => inner.changeVisibility(receiptHandle, visibilityTimeoutMs),
  deadLetter: (receiptHandle, reason) => inner.deadLetter(receiptHandle, reason),
  deadLetters: (options) => inner.deadLetters(options),
  close: () => inner.close(),
}

const handler = createMintConsumerHandler({ minter: minters, queue, logger })
const source = runSqsEventSource({
  queue,
  handler,
  visibilityTimeoutMs: config.visibilityTimeoutMs,
  idleMs: 50,
  onBatch: (messages) => {
    for (const message of messages)
      emit({ event: 'received', hash: hashes.get(message.receiptHandle), receiveCount: message.receiveCount })
  },
  logger,
})
emit({ event: 'started', pid: process.pid, senders: minters.map((minter) => minter.address) })

process.on('SIGTERM', () => {
  void (async () => {
    await source.stop()
    for (const minter of minters) await minter.stop()
    emit({ event: 'stopped', ...source.stats() })
    await resources.close()
    process.exit(0)
  })()
})
