import type { EventEmitter } from 'node:events'
import type { Queue, Store } from '@chainops/core'
import { type AuthenticatedLnd, subscribeToInvoices } from 'lightning'
import { describeLndError } from '../errors/describeLndError.ts'
import { LightningError } from '../errors/LightningError.ts'
import type { LndRetryOptions } from '../errors/withLndRetry.ts'
import { acquireStoreLease, type StoreLease } from '../lease/acquireStoreLease.ts'
import { fenceStoreWrites } from '../lease/fenceStoreWrites.ts'
import { advanceSettleCursor } from './advanceSettleCursor.ts'
import { readSettleCursor } from './readSettleCursor.ts'
import { reconcileSettled } from './reconcileSettled.ts'
import { recordSettlement } from './recordSettlement.ts'
import { resolveSendingKeys } from './resolveSendingKeys.ts'
import type { SettleEvent } from './SettleEvent.ts'
import { sweepUnpaidInvoices } from './sweepUnpaidInvoices.ts'
import { type LndInvoiceLike, toSettledInvoice } from './toSettledInvoice.ts'

/** The Store table of settle subscriber leases, keyed by the lnd node's public key. */
const SETTLE_LEASES_TABLE = 'settle_leases'

/**
 * Active/standby: several subscribers of one lnd node share a lease in the store; the one holding
 * it subscribes, the others poll it and take over once it expires (at once when its holder was a
 * process of this host that died), resuming from the persisted cursor.
 */
export type SettleLeaseOptions = {
  /** Names this process in the lease (shown in errors and events; not a secret). */
  holder: string
  /** How long the lease lasts unrenewed: a standby takes over within this of the active's death (default 15 s). */
  ttlMs?: number | undefined
  /** How often a standby tries to take the lease (default a fifth of the TTL); the active renews every third. */
  pollIntervalMs?: number | undefined
}

export type StartSettleSubscriberParameters = {
  /** Needs `invoices:read` (the read-only macaroon). Give it a client of its own: it outlives lnd restarts. */
  lnd: AuthenticatedLnd
  store: Store
  queue: Queue
  /** The lnd node's public key: names the cursor. */
  nodeKey: string
  /** The sending keys' addresses, one or K (each PAID invoice is assigned one: its queue group `mint:<sender>`). */
  sender: string | readonly string[]
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
  /** The longest invoice expiry, as createInvoice's bounds have it: bounds the reconciler's window (default 7 days). */
  maxInvoiceExpirySeconds?: number | undefined
  /** Run as one of several subscribers, active while holding the lease (default: always active, no lease). */
  lease?: SettleLeaseOptions | undefined
  now?: (() => Date) | undefined
}

export type SettleSubscriber = {
  /** The cursor as this subscriber last read or wrote it. */
  readonly cursor: bigint
  /** Whether this subscriber is the one recording settles (always true without a lease). */
  readonly active: boolean
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
 *
 * With `lease`, only the holder of the node's settle lease does any of this. Fencing: every write
 * of the active subscriber (PAID records, the cursor, the sweep) commits in one store transaction
 * with the lease's renewal at the version it last wrote, so once a standby has taken the lease the
 * old holder's writes roll back (SETTLE_LEASE_LOST) and it turns standby itself. What it can still
 * do after losing the lease is only to re-send the mint job of a record it made PAID while it held
 * it: the queue drops it by its payment hash dedup id, and recordSettlement is idempotent (an
 * already PAID record is never paid again), so a double write is never a double mint.
 */
export function startSettleSubscriber(parameters: StartSettleSubscriberParameters): SettleSubscriber {
  const { lnd, store, queue, nodeKey, onEvent, retry, now, maxInvoiceExpirySeconds } = parameters
  // Checked at start: K = 0, a key listed twice or a malformed address is a typed error naming `sender`.
  const sender = resolveSendingKeys(parameters.sender, 'sender', 'SETTLE_INVALID_PARAMETERS')
  const { initialBackoffMs = 250, maxBackoffMs = 10_000, unreachableAfter = 5 } = parameters
  const { reconcileIntervalMs = 60_000, sweepIntervalMs = 60_000 } = parameters
  const leaseOptions = parameters.lease
  const leaseTtlMs = leaseOptions?.ttlMs ?? 15_000
  const leasePollMs = leaseOptions?.pollIntervalMs ?? Math.max(50, Math.floor(leaseTtlMs / 5))
  if (leaseOptions) {
    const whole = (value: number) => Number.isSafeInteger(value) && value > 0
    if (typeof leaseOptions.holder !== 'string' || leaseOptions.holder.length === 0 || !whole(leaseTtlMs))
      throw new LightningError({
        code: 'SETTLE_INVALID_PARAMETERS',
        shortMessage: 'The settle lease needs a holder name and a positive whole ttlMs',
        details: `lease.holder ${JSON.stringify(leaseOptions.holder)}, lease.ttlMs ${leaseTtlMs}`,
      })
    if (!whole(leasePollMs) || leasePollMs >= leaseTtlMs)
      throw new LightningError({
        code: 'SETTLE_INVALID_PARAMETERS',
        shortMessage: 'The settle lease poll interval must be positive and below its TTL',
        details: `lease.pollIntervalMs ${leasePollMs}, lease.ttlMs ${leaseTtlMs}`,
      })
  }

  let stopped = false
  let generation = 0
  let failures = 0
  let cursor = 0n
  let subscription: EventEmitter | undefined
  let chain: Promise<void> = Promise.resolve()
  let retryTimer: NodeJS.Timeout | undefined
  const timers: NodeJS.Timeout[] = []
  // Without a lease this subscriber is always active and writes to the store as it is.
  let active = !leaseOptions
  let lease: StoreLease | undefined
  let writes: Store = store
  let renewTimer: NodeJS.Timeout | undefined

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
      if (stopped || !active || gen !== generation) return
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
    if (error instanceof LightningError && error.code === 'SETTLE_LEASE_LOST') return standBy(error)
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

  // Lost the lease: stop subscribing and writing, and poll for it again like any standby.
  const standBy = (error: LightningError) => {
    if (stopped || !active) return
    active = false
    generation++
    teardown()
    clearTimeout(retryTimer)
    clearInterval(renewTimer)
    lease = undefined
    writes = store
    emit({ type: 'lease_lost', holder: leaseOptions?.holder ?? '', reason: error.details ?? error.shortMessage })
  }

  let acquiring = false
  const tryAcquire = async () => {
    if (stopped || active || acquiring || !leaseOptions) return
    acquiring = true
    try {
      const taken = await acquireStoreLease({
        store,
        table: SETTLE_LEASES_TABLE,
        key: nodeKey,
        ttlMs: leaseTtlMs,
        holder: leaseOptions.holder,
        errors: {
          held: 'SETTLE_LEASE_HELD',
          lost: 'SETTLE_LEASE_LOST',
          heldMessage: 'Another settle subscriber is active for this lnd node',
          lostMessage: 'Another settle subscriber took over this lnd node',
        },
      })
      if (stopped) return void (await taken.release())
      lease = taken
      writes = fenceStoreWrites(store, taken)
      active = true
      failures = 0
      renewTimer = setInterval(
        () => {
          taken.renew().catch((error: unknown) => {
            // A store hiccup is retried at the next renewal; a lost lease makes this one a standby.
            if (error instanceof LightningError && error.code === 'SETTLE_LEASE_LOST' && lease === taken) standBy(error)
          })
        },
        Math.max(20, Math.floor(leaseTtlMs / 3)),
      )
      emit({ type: 'lease_acquired', holder: leaseOptions.holder })
      connect()
    } catch {
      // Held by the active subscriber (or the store is unreachable): try again at the next poll.
    } finally {
      acquiring = false
    }
  }

  const connect = () => {
    if (stopped || !active) return
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
          const result = await recordSettlement({ store: writes, queue, sender, invoice: settled, now })
          emit({
            type: 'settled',
            paymentHash: settled.paymentHash,
            settleIndex: settled.settleIndex,
            result,
            via: 'subscription',
          })
          cursor = await advanceSettleCursor({
            store: writes,
            nodeKey,
            settleIndex: settled.settleIndex,
            settledAt: settled.settledAt,
          })
        })
      })
      events.on('error', (error: unknown) => fail(gen, error))
      events.on('end', () => fail(gen, undefined))
      // What settled before the subscription took hold (a cursor of 0 replays nothing).
      const reconciled = await reconcileSettled({
        lnd,
        store: writes,
        queue,
        nodeKey,
        sender,
        onEvent: emit,
        maxInvoiceExpirySeconds,
        retry,
        now,
      })
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
      store: writes,
      queue,
      nodeKey,
      sender,
      onEvent: emit,
      maxInvoiceExpirySeconds,
      retry,
      now,
    })
    if (reconciled > cursor) cursor = reconciled
  })
  every(sweepIntervalMs, async () => {
    await sweepUnpaidInvoices({ lnd, store: writes, queue, sender, onEvent: emit, retry, now })
  })
  if (leaseOptions) {
    timers.push(setInterval(() => void tryAcquire(), leasePollMs))
    void tryAcquire()
  } else connect()

  return {
    get cursor() {
      return cursor
    },
    get active() {
      return active
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
      clearInterval(renewTimer)
      teardown()
      await chain
      // Handing over at once: the standby need not wait for the TTL.
      await lease?.release()
      lease = undefined
      active = false
    },
  }
}
