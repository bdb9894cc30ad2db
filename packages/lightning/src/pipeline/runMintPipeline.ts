import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import { createLogger, isChainopsError, type Logger, type Queue, type ReceivedMessage } from '@chainops/core'
import type { Minter, MintSubmission } from '../minter/Minter.ts'
import { mintMessageAction } from './mintMessageAction.ts'
import { parseMintMessage } from './parseMintMessage.ts'

export type RunMintPipelineParameters = {
  queue: Queue
  /**
   * A started minter, or one per sending key (K keys): each message goes to the minter of its
   * group `mint:<sender>`; a message of no known group is delivered again later (never minted by
   * another key).
   */
  minter: Minter | readonly Minter[]
  /**
   * When a message is deleted:
   * - `journaled` (default): once its mint is journaled (or found MINTED). The journal row is then
   *   the durable job, driven to MINTED by this single-writer minter and, after a crash, by its
   *   next `start()`. Required for throughput: an SQS FIFO group (`mint:<sender>`) delivers
   *   nothing more while any of its messages is in flight, so holding each message until its
   *   receipt would cap the minter at 10 mints per block.
   * - `minted`: only once the invoice is MINTED (the Lambda consumer's rule); at most one receive
   *   batch is then in flight.
   */
  acknowledge?: 'journaled' | 'minted' | undefined
  /**
   * Stop receiving while this many mints are in flight (default 3000: six full blocks of 500, so
   * that a sealer starting a block finds it full even when propagation lags; keep it under the
   * txpool window of `minterTxPoolLimits`).
   */
  maxInFlight?: number | undefined
  /** Visibility timeout of each receive (default 30 s). */
  visibilityTimeoutMs?: number | undefined
  /** How long an empty receive waits before the next (default 50 ms). */
  idleMs?: number | undefined
  /** A message not mintable yet (invoice not PAID or not visible) comes back after this (default 5 s). */
  retryDelayMs?: number | undefined
  logger?: Logger | undefined
  /** Called with every message received (tests count deliveries). */
  onReceive?: ((message: ReceivedMessage) => void) | undefined
}

export type MintPipelineStats = {
  received: number
  deleted: number
  deadLettered: number
  retried: number
}

export type MintPipeline = {
  stats(): MintPipelineStats
  /** Stops receiving and resolves once the loop has returned (the minter keeps running). */
  stop(): Promise<void>
  /** Resolves when the loop ends; rejects with the error that ended it. */
  readonly done: Promise<void>
}

/**
 * The embedded consumer of mint jobs: receives up to 10 messages at a time, dead-letters malformed
 * ones with the reason, hands the payment hashes to the single-writer minter, and deletes,
 * dead-letters or delays each message by what the minter made of it. Duplicates are harmless: a
 * second delivery finds the journal row (or the MINTED record) and never gets a second nonce.
 */
export function runMintPipeline(parameters: RunMintPipelineParameters): MintPipeline {
  const { queue, onReceive } = parameters
  const minters: readonly Minter[] = Array.isArray(parameters.minter)
    ? parameters.minter
    : [parameters.minter as Minter]
  const byGroup = new Map(minters.map((minter) => [`mint:${minter.address.toLowerCase()}`, minter]))
  const minterOf = (message: ReceivedMessage): Minter | undefined =>
    minters.length === 1 ? minters[0] : byGroup.get(message.groupId?.toLowerCase() ?? '')
  const acknowledge = parameters.acknowledge ?? 'journaled'
  const maxInFlight = parameters.maxInFlight ?? 3000
  const visibilityTimeoutMs = parameters.visibilityTimeoutMs ?? 30_000
  const idleMs = parameters.idleMs ?? 50
  const retryDelayMs = parameters.retryDelayMs ?? 5000
  const logger = (parameters.logger ?? createLogger({ level: 'warn' })).child({ component: 'mint-pipeline' })
  const stats: MintPipelineStats = { received: 0, deleted: 0, deadLettered: 0, retried: 0 }
  let stopping = false
  let wake: (() => void) | undefined
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms)
      wake = () => {
        clearTimeout(timer)
        resolve()
      }
    })

  const remove = async (message: ReceivedMessage) => {
    if (await queue.delete(message.receiptHandle)) stats.deleted++
  }
  const deadLetter = async (message: ReceivedMessage, reason: string) => {
    if (await queue.deadLetter(message.receiptHandle, reason.slice(0, 1000))) stats.deadLettered++
    logger.warn('mint message dead-lettered', { messageId: message.messageId, reason })
  }

  const settleLater = (minter: Minter, message: ReceivedMessage, paymentHash: string) => {
    minter.whenSettled(paymentHash).then(
      async (outcome) => {
        if (outcome.status === 'minted') await remove(message)
        else await deadLetter(message, `${outcome.code}: ${outcome.reason}`)
      },
      (error) => logger.warn('cannot follow a tracked mint; the message will come back', { error }),
    )
  }

  const handle = async (minter: Minter, message: ReceivedMessage, submission: MintSubmission) => {
    const action = mintMessageAction(submission, acknowledge)
    switch (action.kind) {
      case 'delete':
        return remove(message)
      case 'await':
        return settleLater(minter, message, submission.paymentHash)
      case 'retry':
        stats.retried++
        await queue.changeVisibility(message.receiptHandle, retryDelayMs)
        return
      case 'deadLetter':
        return deadLetter(message, action.reason)
    }
  }

  const loop = async () => {
    while (!stopping) {
      try {
        await round()
      } catch (error) {
        // A store or queue hiccup (a busy database, a network error): nothing was deleted, so retry.
        logger.warn('mint pipeline round failed; retrying', { error })
        await pause(500)
      }
    }
  }

  const round = async () => {
    {
      // The embedded queue and store answer with already-resolved promises: without a turn of the
      // event loop here, this loop would starve the block watcher's timers and every HTTP answer.
      await yieldToEventLoop()
      let inFlight = 0
      for (const minter of minters) inFlight += minter.stats().inFlight
      if (inFlight >= maxInFlight) {
        await pause(idleMs)
        return
      }
      const messages = await queue.receive({ max: 10, visibilityTimeoutMs })
      if (messages.length === 0) {
        await pause(idleMs)
        return
      }
      stats.received += messages.length
      // The messages of each sending key's group, in order (a receive may hold several groups).
      const groups = new Map<Minter, Array<{ message: ReceivedMessage; paymentHash: string }>>()
      for (const message of messages) {
        onReceive?.(message)
        const parsed = parseMintMessage(message.body)
        if (!parsed.ok) {
          await deadLetter(message, `MINT_INVALID_MESSAGE: ${parsed.reason}`)
          continue
        }
        const minter = minterOf(message)
        if (!minter) {
          logger.error('a mint message of no known sending key; it will be delivered again', {
            messageId: message.messageId,
            group: message.groupId,
          })
          stats.retried++
          await queue.changeVisibility(message.receiptHandle, retryDelayMs)
          continue
        }
        const list = groups.get(minter) ?? []
        list.push({ message, paymentHash: parsed.message.paymentHash })
        groups.set(minter, list)
      }
      await Promise.all(
        [...groups].map(async ([minter, valid]) => {
          let submissions: MintSubmission[]
          try {
            submissions = await minter.submit(valid.map((item) => item.paymentHash))
          } catch (error) {
            if (isChainopsError(error, 'MINT_STOPPED')) {
              stopping = true
              return
            }
            // Nothing is lost: the messages come back after their visibility timeout.
            logger.warn('minter refused a batch; the messages will be delivered again', {
              error,
              sender: minter.address,
            })
            await pause(Math.min(retryDelayMs, 1000))
            return
          }
          await Promise.all(
            valid.map((item, index) => handle(minter, item.message, submissions[index] as MintSubmission)),
          )
        }),
      )
    }
  }

  const done = loop()
  done.catch((error) => logger.error('mint pipeline stopped on an error', { error }))
  return {
    stats: () => ({ ...stats }),
    async stop() {
      stopping = true
      wake?.()
      await done.catch(() => undefined)
    },
    done,
  }
}
