import type { Store } from '@chainops/core'
import { acquireStoreLease, type StoreLease } from '../lease/acquireStoreLease.ts'

/** The Store table of minter leases, keyed by sending address. */
const MINTER_LEASES_TABLE = 'minter_leases'

export type MinterLease = Pick<StoreLease, 'owner' | 'renew' | 'release'>

export type AcquireMinterLeaseParameters = {
  store: Store
  /** The sending address: one writer per key. */
  key: string
  ttlMs: number
  now?: () => number
}

/**
 * Makes this process the one writer of a sending key. The lease is what lets the pipelined minter
 * delete a queue message once its mint is journaled: from then on only the journal remembers the
 * job, and only a single, recovering minter per key guarantees it is driven to MINTED.
 *
 * The lease itself is `acquireStoreLease` (taken when absent, expired, or held by a dead process of
 * this host). Correctness never rests on the lease alone: nonces move by compareAndSet and journal
 * rows by putIfAbsent, so even two writers could not give a payment hash two nonces.
 */
export async function acquireMinterLease(parameters: AcquireMinterLeaseParameters): Promise<MinterLease> {
  const { store, key, ttlMs, now } = parameters
  return acquireStoreLease({
    store,
    table: MINTER_LEASES_TABLE,
    key,
    ttlMs,
    now,
    errors: {
      held: 'MINT_LEASE_HELD',
      lost: 'MINT_LEASE_LOST',
      heldMessage: 'Another minter holds this sending key',
      lostMessage: 'Another minter took this sending key',
    },
  })
}
