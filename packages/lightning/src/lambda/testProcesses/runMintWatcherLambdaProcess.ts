// The AWS mode's receipt watcher alone in its own process, as the scheduled watcher Lambda runs
// in production, for the chaos test that SIGKILLs it: one `createMintWatcherHandler` per sending
// key (keys from SSM, the store on moto's DynamoDB), each invoked again and again as an
// EventBridge schedule would (a new invocation `scheduleMs` after the last one ended). Its crash
// points (`watcherCrashPoints`: after a journal commit of an outcome or fee bump, after an answered
// broadcast) announce themselves on stdout and hang until the test kills the process. Protocol of
// spawnMinterProcess: the config as JSON in CHAINOPS_MINTER_CONFIG, one JSON event per stdout line
// (each with `at`, epoch ms).
import { setTimeout as sleep } from 'node:timers/promises'
import { createLogger } from '@chainops/core'
import { createPublicClient, http } from 'viem'
import type { CrashAt } from '../../minter/testProcesses/crashPointHooks.ts'
import { writeProcessEvent } from '../../minter/testProcesses/writeProcessEvent.ts'
import { watcherCrashPoints } from '../../watcher/testProcesses/watcherCrashPoints.ts'
import { createMintWatcherHandler } from '../createMintWatcherHandler.ts'
import type { AwsProcessConfig } from './awsProcessConfig.ts'
import { openAwsProcessResources } from './openAwsProcessResources.ts'

export type MintWatcherLambdaProcessConfig = {
  aws: AwsProcessConfig
  rpcUrl: string
  chainId: number
  leaseTtlMs: number
  pollIntervalMs: number
  resendAfterMs: number
  /** The function timeout each invocation counts down from. */
  invocationMs: number
  /** Time from the end of one invocation to the next. */
  scheduleMs: number
  /** Hang (announcing `crash-point`) after the Nth journal commit / answered broadcast of its watchers. */
  crashAt?: CrashAt | undefined
}

const emit = (event: Record<string, unknown>) => writeProcessEvent({ ...event, at: Date.now() })

const config = JSON.parse(process.env.CHAINOPS_MINTER_CONFIG ?? '{}') as MintWatcherLambdaProcessConfig
delete process.env.CHAINOPS_MINTER_KEY

const resources = await openAwsProcessResources(config.aws)
const logger = createLogger({ level: 'warn', sink: (line) => process.stderr.write(`${line}\n`) })
const crashPoints = watcherCrashPoints(config.crashAt, emit)
const store = crashPoints.store(resources.store)
const client = createPublicClient({
  transport: crashPoints.transport(
    http(config.rpcUrl, { batch: { batchSize: 500, wait: 0 }, retryCount: 2, retryDelay: 100, timeout: 5000 }),
  ),
})

/** One key's schedule: an invocation, `scheduleMs`, the next one, until the process ends. */
async function schedule(signerKey: (typeof resources.signerKeys)[number], index: number): Promise<never> {
  const handler = createMintWatcherHandler({
    watcher: {
      store,
      client,
      signerKey,
      chainId: config.chainId,
      pollIntervalMs: config.pollIntervalMs,
      resendAfterMs: config.resendAfterMs,
      lease: { ttlMs: config.leaseTtlMs, holder: `watcher-lambda-${process.pid}-${index}` },
    },
    deadlineMarginMs: 1000,
    logger,
  })
  for (;;) {
    const started = Date.now()
    emit({ event: 'invoked', key: index })
    try {
      const result = await handler({}, { getRemainingTimeInMillis: () => config.invocationMs - (Date.now() - started) })
      emit({ event: 'invocation', key: index, ...result })
    } catch (error) {
      emit({ event: 'invocation-failed', key: index, error: String(error).slice(0, 300) })
    }
    await sleep(config.scheduleMs)
  }
}

for (const [index, signerKey] of resources.signerKeys.entries()) void schedule(signerKey, index)
emit({ event: 'started', pid: process.pid, keys: resources.signerKeys.length })
// A Lambda has no graceful stop: the end of the test ends the process as a timeout would.
process.on('SIGTERM', () => process.exit(0))
