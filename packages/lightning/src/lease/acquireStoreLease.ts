import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import { isChainopsError, type Store, type StoreTransaction } from '@chainops/core'
import { LightningError, type LightningErrorCode } from '../errors/LightningError.ts'

type StoreLeaseValue = { owner: string; holder?: string | undefined; host: string; pid: number; expiresAt: number }

export type StoreLease = {
  /** A fresh id per acquisition: what the stored lease is compared against. */
  readonly owner: string
  /** Extends the lease; throws the `lost` code when another process took it. */
  renew(): Promise<void>
  /**
   * Runs `fn` in one store transaction that also extends the lease at the version this holder last
   * wrote: if another process took the lease, the whole transaction rolls back and the `lost` code
   * is thrown, so a holder that lost its lease writes nothing more (fencing). Other failed
   * conditions inside `fn` are rethrown as they are.
   */
  fence<T>(fn: (tx: StoreTransaction) => Promise<T>): Promise<T>
  /** Gives the lease up (best effort) so a successor need not wait for it to expire. */
  release(): Promise<void>
}

export type AcquireStoreLeaseParameters = {
  store: Store
  /** The Store table of this kind of lease. */
  table: string
  /** What is leased (one holder per key). */
  key: string
  ttlMs: number
  /** A name for the holder (shown to whoever finds the lease held). */
  holder?: string | undefined
  /** The error codes and the words of this kind of lease. */
  errors: { held: LightningErrorCode; lost: LightningErrorCode; heldMessage: string; lostMessage: string }
  now?: (() => number) | undefined
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * A conditional-write lease in the Store, the one implementation behind the minter's lease (one
 * writer per sending key) and the settle subscriber's (one active subscriber per lnd node).
 *
 * A lease is taken when it is absent, expired, or held by a process of this host that is no longer
 * alive (a SIGKILLed holder is replaced at once instead of after its TTL). Every write of a holder
 * (take, renew, fence) is a compareAndSet at the version it last wrote, so two processes can never
 * both believe they renewed it; the holder's own calls are serialised so they never race each other.
 */
export async function acquireStoreLease(parameters: AcquireStoreLeaseParameters): Promise<StoreLease> {
  const { store, table, key, ttlMs, holder, errors, now = Date.now } = parameters
  const owner = randomUUID()
  const host = hostname()
  const value = (): StoreLeaseValue => ({ owner, holder, host, pid: process.pid, expiresAt: now() + ttlMs })
  let version: number
  const current = await store.get<StoreLeaseValue>(table, key)
  const held = (what: string) =>
    new LightningError({ code: errors.held, shortMessage: errors.heldMessage, details: `${key}: ${what}` })
  const lost = (cause?: unknown) =>
    new LightningError({ code: errors.lost, shortMessage: errors.lostMessage, details: key, cause })
  try {
    if (!current) version = await store.putIfAbsent(table, key, value())
    else {
      const lease = current.value
      const free =
        lease.expiresAt <= now() || (lease.host === host && lease.pid !== process.pid && !pidAlive(lease.pid))
      if (!free)
        throw held(
          `held${lease.holder ? ` by ${lease.holder}` : ''} (pid ${lease.pid} on ${lease.host}) until ${new Date(lease.expiresAt).toISOString()}`,
        )
      version = await store.compareAndSet(table, key, current.version, value())
    }
  } catch (error) {
    if (isChainopsError(error, 'STORE_CONDITION_FAILED')) throw held('another process took it at the same moment')
    throw error
  }
  // One lease operation at a time: each reads the version the previous one left.
  let serial: Promise<unknown> = Promise.resolve()
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = serial.then(fn, fn)
    serial = run.catch(() => undefined)
    return run
  }
  const stillOurs = async () => (await store.get<StoreLeaseValue>(table, key))?.version === version
  return {
    owner,
    renew: () =>
      exclusive(async () => {
        try {
          version = await store.compareAndSet(table, key, version, value())
        } catch (cause) {
          if (!isChainopsError(cause, 'STORE_CONDITION_FAILED')) throw cause
          throw lost(cause)
        }
      }),
    fence: <T>(fn: (tx: StoreTransaction) => Promise<T>) =>
      exclusive(async () => {
        let next = version
        try {
          const result = await store.transaction(async (tx) => {
            const inner = await fn(tx)
            next = await tx.compareAndSet(table, key, version, value())
            return inner
          })
          version = next
          return result
        } catch (cause) {
          // The lease write or one of fn's failed: only a fresh read tells which.
          if (isChainopsError(cause, 'STORE_CONDITION_FAILED') && !(await stillOurs())) throw lost(cause)
          throw cause
        }
      }),
    release: () =>
      exclusive(async () => {
        try {
          await store.delete(table, key, version)
        } catch {
          // Already taken or gone: nothing of ours to release.
        }
      }),
  }
}
