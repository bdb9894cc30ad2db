import type { EventEmitter } from 'node:events'
import type { Queue, Store } from '@chainops/core'
import { type AuthenticatedLnd, subscribeToInvoices } from 'lightning'
import { describeLndError } from '../errors/describeLndError.ts'
import { LightningError } from '../errors/LightningError.ts'
import type { LndRetryOptions } from '../errors/withLndRetry.ts'
import { advanceSettleCursor } from './advanceSettleCursor.ts'
import { readSettleCursor } from './readSettleCursor.ts'
import { reconcileSettled } from './reconcileSettled.ts'
import { recordSettlement } from './recordSettlement.ts'
import type { SettleEvent } from './SettleEvent.ts'
import { sweepUnpaidInvoices } from './sweepUnpaidInvoices.ts'
import { type LndInvoiceLike, toSettledInvoice } from './toSettledInvoice.ts'

export type StartSettleSubscriberParameters = {
  /** Needs `invoices:read` (the read-only macaroon). Give it a client of its own: it outlives lnd restarts. */
  lnd: AuthenticatedLnd
  store: Store
  queue: Queue
  /** The lnd node's public key: names the cursor. */
  nodeKey: string
  /** The minter's sending address (the queue group). */
  sender: string
  onEvent?: ((event: SettleEvent) => void) | undefined
  /** Delay before the first resubscription; doubles per failure in a row (default 250 ms). */
  initialBackoffMs?: number | undefined
  /** The longest delay between resubscriptions (default 10 s). */
  maxBackoffMs?: number | undefined
  /** After this many failures in a row an `lnd_unreachable` event is raised (again every as many); default 5. */
  unreachableAfter?: number | undefined
  /** How often the reconciler runs besides at each (re)subscription (default 60 s; 0: never). */
  reconcileIntervalMs?: number | undefined
  /** How often expired and cancelled invoices are swept (default 60 s; 0: never). */
  sweepIntervalMs?: number | undefined
  /** Retries of single lnd calls inside a reconcile or sweep. */
  retry?: LndRetryOptions | undefined
  now?: (() => Date) | undefined
}

export type SettleSubscriber = {
  /** The cursor as this subscriber last read or wrote it. */
  readonly cursor: bigint
  /** Resolves when the work queued so far is done. */
  idle(): Promise<void>
  /** Stops listening; resolves once the settle in hand (if any) is fully recorded. */
  stop(): Promise<void>
}

/**
 * Listens for settled invoices and turns each into PAID + a mint job, exactly once per payment
 * hash, never losing one:
 * - the subscription starts from the persisted settle_index cursor (lnd replays every settle above
 *   it), and on every (re)subscription the reconciler also lists what settled since the cursor;
 * - each settle is handled in order, one at a time: record PAID, enqueue, and only then advance
 *   the cursor; a failure anywhere drops the subscription and resubscribes from the persisted
 *   cursor with exponential backoff, so nothing past the failure is skipped;
 * - unknown payment hashes (keysend, other apps) are ignored, but the cursor passes them.
 * Expired and cancelled invoices are swept periodically.
 */
export function startSettleSubscriber(parameters: StartSettleSubscriberParameters): SettleSubscriber {
  const { lnd, store, queue, nodeKey, sender, onEvent, retry, now } = parameters
  const { initialBackoffMs = 250, maxBackoffMs = 10_000, unreachableAfter = 5 } = parameters
  const { reconcileIntervalMs = 60_000, sweepIntervalMs = 60_000 } = parameters

  let stopped = false
  let generation = 0
  let failures = 0
  let cursor = 0n
  let subscription: EventEmitter | undefined
  let chain: Promise<void> = Promise.resolve()
  let retryTimer: NodeJS.Timeout | undefined
  const timers: NodeJS.Timeout[] = []

  const emit = (event: SettleEvent) => {
    try {
      onEvent?.(event)
    } catch {
      // a listener's bug must not stop the pipeline
    }
  }

  // Work runs one task at a time, in order; a task of a failed generation is dropped.
  const enqueue = (gen: number, task: () => Promise<void>) => {
    chain = chain.then(async () => {
      if (stopped || gen !== generation) return
      try {
        await task()
      } catch (error) {
        fail(gen, error)
      }
    })
  }

  const teardown = () => {
    // Removing every listener makes the `lightning` package cancel the stream and not restart it.
    subscription?.removeAllListeners()
    subscription = undefined
  }

  const fail = (gen: number, error: unknown) => {
    if (stopped || gen !== generation) return
    generation++
    teardown()
    failures++
    const retryInMs = Math.min(maxBackoffMs, initialBackoffMs * 2 ** Math.min(failures - 1, 20))
    const reason = error === undefined ? 'the subscription ended' : describeLndError(error)
    emit({ type: 'disconnected', attempt: failures, retryInMs, reason })
    if ((error instanceof LightningError && error.code === 'LND_UNREACHABLE') || failures % unreachableAfter === 0)
      emit({
        type: 'lnd_unreachable',
        attempt: failures,
        error:
          error instanceof LightningError && error.code === 'LND_UNREACHABLE'
            ? error
            : new LightningError({
                code: 'LND_UNREACHABLE',
                shortMessage: `the invoice subscription failed ${failures} times in a row; still retrying`,
                details: reason,
              }),
      })
    retryTimer = setTimeout(connect, retryInMs)
  }

  const connect = () => {
    if (stopped) return
    const gen = ++generation
    enqueue(gen, async () => {
      cursor = await readSettleCursor({ store, nodeKey })
      const events = subscribeToInvoices({ lnd, ...(cursor > 0n ? { confirmed_after: Number(cursor) } : {}) })
      subscription = events
      events.on('invoice_updated', (invoice: LndInvoiceLike) => {
        const settled = toSettledInvoice(invoice)
        if (!settled) return
        enqueue(gen, async () => {
          if (settled.settleIndex <= cursor) return // handled already: the cursor moves only after handling
          const result = await recordSettlement({ store, queue, sender, invoice: settled, now })
          emit({
            type: 'settled',
            paymentHash: settled.paymentHash,
            settleIndex: settled.settleIndex,
            result,
            via: 'subscription',
          })
          cursor = await advanceSettleCursor({ store, nodeKey, settleIndex: settled.settleIndex })
        })
      })
      events.on('error', (error: unknown) => fail(gen, error))
      events.on('end', () => fail(gen, undefined))
      // What settled before the subscription took hold (a cursor of 0 replays nothing).
      const reconciled = await reconcileSettled({ lnd, store, queue, nodeKey, sender, onEvent: emit, retry, now })
      if (reconciled.cursor > cursor) cursor = reconciled.cursor
      failures = 0
      emit({ type: 'subscribed', cursor })
    })
  }

  const every = (ms: number, task: () => Promise<void>) => {
    if (ms > 0) timers.push(setInterval(() => enqueue(generation, task), ms))
  }
  every(reconcileIntervalMs, async () => {
    const { cursor: reconciled } = await reconcileSettled({
      lnd,
      store,
      queue,
      nodeKey,
      sender,
      onEvent: emit,
      retry,
      now,
    })
    if (reconciled > cursor) cursor = reconciled
  })
  every(sweepIntervalMs, async () => {
    await sweepUnpaidInvoices({ lnd, store, queue, sender, onEvent: emit, retry, now })
  })
  connect()

  return {
    get cursor() {
      return cursor
    },
    async idle() {
      let seen: Promise<void> | undefined
      while (seen !== chain) {
        seen = chain
        await seen
      }
    },
    async stop() {
      stopped = true
      clearTimeout(retryTimer)
      for (const timer of timers) clearInterval(timer)
      teardown()
      await chain
    },
  }
}
