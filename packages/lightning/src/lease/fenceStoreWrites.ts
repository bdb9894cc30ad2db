import type { ListOptions, Store } from '@chainops/core'
import type { StoreLease } from './acquireStoreLease.ts'

/**
 * The store as a lease holder must use it: reads go straight through, and every write (a single
 * one, or a whole transaction) commits in one transaction with the lease's renewal at the version
 * the holder last wrote (`lease.fence`). Once another process has taken the lease, every write
 * through this store rolls back with the lease's `lost` code: code written against a plain Store
 * (recording settlements, the cursor, the sweep) is fenced without knowing it.
 */
export function fenceStoreWrites(store: Store, lease: StoreLease): Store {
  return {
    get: <TValue>(table: string, key: string) => store.get<TValue>(table, key),
    getMany: (keys) => store.getMany(keys),
    list: <TValue>(table: string, options?: ListOptions) => store.list<TValue>(table, options),
    putIfAbsent: (table, key, value) => lease.fence((tx) => tx.putIfAbsent(table, key, value)),
    compareAndSet: (table, key, expectedVersion, next) =>
      lease.fence((tx) => tx.compareAndSet(table, key, expectedVersion, next)),
    delete: (table, key, expectedVersion) => lease.fence((tx) => tx.delete(table, key, expectedVersion)),
    transaction: (fn) => lease.fence(async (tx) => fn(tx)),
    close: () => store.close(),
  }
}
