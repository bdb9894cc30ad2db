import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import { isChainopsError, type Store } from '@chainops/core'
import { LightningError } from '../errors/LightningError.ts'

/** The Store table of minter leases, keyed by sending address. */
const MINTER_LEASES_TABLE = 'minter_leases'

type MinterLeaseValue = { owner: string; host: string; pid: number; expiresAt: number }

export type MinterLease = {
  readonly owner: string
  /** Extends the lease; throws MINT_LEASE_LOST when another minter took it. */
  renew(): Promise<void>
  /** Gives the lease up (best effort) so a successor need not wait for it to expire. */
  release(): Promise<void>
}

export type AcquireMinterLeaseParameters = {
  store: Store
  /** The sending address: one writer per key. */
  key: string
  ttlMs: number
  now?: () => number
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
 * Makes this process the one writer of a sending key. The lease is what lets the pipelined minter
 * delete a queue message once its mint is journaled: from then on only the journal remembers the
 * job, and only a single, recovering minter per key guarantees it is driven to MINTED.
 *
 * A lease is taken when it is absent, expired, or held by a process of this host that is no longer
 * alive (a SIGKILLed embedded minter is replaced at once instead of after its TTL). Correctness
 * never rests on the lease alone: nonces move by compareAndSet and journal rows by putIfAbsent, so
 * even two writers could not give a payment hash two nonces.
 */
export async function acquireMinterLease(parameters: AcquireMinterLeaseParameters): Promise<MinterLease> {
  const { store, key, ttlMs, now = Date.now } = parameters
  const owner = randomUUID()
  const host = hostname()
  const value = (): MinterLeaseValue => ({ owner, host, pid: process.pid, expiresAt: now() + ttlMs })
  let version: number
  const current = await store.get<MinterLeaseValue>(MINTER_LEASES_TABLE, key)
  const held = (what: string) =>
    new LightningError({
      code: 'MINT_LEASE_HELD',
      shortMessage: 'Another minter holds this sending key',
      details: `${key}: ${what}`,
    })
  try {
    if (!current) version = await store.putIfAbsent(MINTER_LEASES_TABLE, key, value())
    else {
      const lease = current.value
      const free =
        lease.expiresAt <= now() || (lease.host === host && lease.pid !== process.pid && !pidAlive(lease.pid))
      if (!free)
        throw held(`held by pid ${lease.pid} on ${lease.host} until ${new Date(lease.expiresAt).toISOString()}`)
      version = await store.compareAndSet(MINTER_LEASES_TABLE, key, current.version, value())
    }
  } catch (error) {
    if (isChainopsError(error, 'STORE_CONDITION_FAILED')) throw held('another minter took it at the same moment')
    throw error
  }
  return {
    owner,
    async renew() {
      try {
        version = await store.compareAndSet(MINTER_LEASES_TABLE, key, version, value())
      } catch (cause) {
        if (!isChainopsError(cause, 'STORE_CONDITION_FAILED')) throw cause
        throw new LightningError({
          code: 'MINT_LEASE_LOST',
          shortMessage: 'Another minter took this sending key',
          details: key,
          cause,
        })
      }
    },
    async release() {
      try {
        await store.delete(MINTER_LEASES_TABLE, key, version)
      } catch {
        // Already taken or gone: nothing of ours to release.
      }
    },
  }
}
