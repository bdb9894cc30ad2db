import { createLogger, isChainopsError, type Logger } from '@chainops/core'
import type { Context } from 'aws-lambda'
import { LightningError } from '../errors/LightningError.ts'
import { type CreateMintWatcherParameters, createMintWatcher } from '../watcher/createMintWatcher.ts'
import type { MintWatcherStats } from '../watcher/MintWatcher.ts'

export type MintWatcherHandlerDeps = {
  /** The watcher of this function's sending key (one function, or one rule, per key). */
  watcher: CreateMintWatcherParameters
  /** Time left to the function's deadline in which no round starts (default 5 s): the last round's answers and the lease release fit in it. */
  deadlineMarginMs?: number | undefined
  logger?: Logger | undefined
}

export type MintWatcherHandlerResult =
  /** This invocation held the key's watcher lease and ran rounds until its deadline. */
  | { status: 'ran'; rounds: number; open: number; minted: number; failed: number; feeBumps: number }
  /** Another watcher (an overlapping invocation) holds the lease: nothing done. */
  | { status: 'standby'; holder: string }

export type MintWatcherHandler = (
  event: unknown,
  context: Pick<Context, 'getRemainingTimeInMillis'>,
) => Promise<MintWatcherHandlerResult>

/**
 * The receipt watcher Lambda of one sending key, for a scheduled rule (EventBridge
 * `rate(1 minute)`, function timeout about 60 s): each invocation takes the key's watcher lease,
 * runs `createMintWatcher` rounds until `getRemainingTimeInMillis()` minus `deadlineMarginMs`,
 * and releases the lease, so the next invocation takes over at once. An invocation that finds the
 * lease held (one still running) returns `standby`. A SIGKILLed or timed-out invocation loses
 * nothing: the next one lists the same open journal rows. The event's content is not read.
 */
export function createMintWatcherHandler(deps: MintWatcherHandlerDeps): MintWatcherHandler {
  const deadlineMarginMs = deps.deadlineMarginMs ?? 5000
  if (!Number.isFinite(deadlineMarginMs) || deadlineMarginMs < 0)
    throw new LightningError({
      code: 'MINT_WATCHER_INVALID_PARAMETERS',
      shortMessage: 'Invalid mint watcher handler parameters',
      details: 'deadlineMarginMs is a number of ms, 0 or more',
    })
  const logger = (deps.logger ?? createLogger({ level: 'warn' })).child({ component: 'mint-watcher-handler' })
  // Checked at creation (typed errors at the function's init, not at its first run).
  void createMintWatcher({ ...deps.watcher, logger: deps.logger }).stop()

  return async (_event, context) => {
    if (typeof context?.getRemainingTimeInMillis !== 'function')
      throw new LightningError({
        code: 'MINT_WATCHER_INVALID_PARAMETERS',
        shortMessage: 'The mint watcher handler needs the Lambda context',
        details: 'context.getRemainingTimeInMillis is not a function',
      })
    const until = Date.now() + context.getRemainingTimeInMillis() - deadlineMarginMs
    const watcher = createMintWatcher({ ...deps.watcher, logger: deps.logger })
    try {
      await watcher.start()
    } catch (error) {
      if (isChainopsError(error, 'MINT_WATCHER_LEASE_HELD')) {
        logger.info('another watcher drives this key', { details: error.details })
        return { status: 'standby', holder: error.details ?? '' }
      }
      throw error
    }
    try {
      await watcher.run({ until })
    } finally {
      await watcher.stop()
    }
    const stats: MintWatcherStats = watcher.stats()
    return {
      status: 'ran',
      rounds: stats.rounds,
      open: stats.open,
      minted: stats.minted,
      failed: stats.failed,
      feeBumps: stats.feeBumps,
    }
  }
}
