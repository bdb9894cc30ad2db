import { assertStoreKey } from './assertStoreKey.ts'
import { invalidStoreInput } from './invalidStoreInput.ts'
import type { StoreKey } from './Store.ts'

/** Asserts the keys of a `getMany`: an array of `{ table, key }`, each a valid record address. */
export function assertStoreKeys(keys: readonly StoreKey[]): void {
  if (!Array.isArray(keys)) throw invalidStoreInput('getMany takes an array of { table, key }')
  for (const entry of keys) {
    if (typeof entry !== 'object' || entry === null) throw invalidStoreInput('getMany takes an array of { table, key }')
    assertStoreKey(entry.table, entry.key)
  }
}
