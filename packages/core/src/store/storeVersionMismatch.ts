import type { StoreError } from './StoreError.ts'
import { storeConditionFailed } from './storeConditionFailed.ts'

/** The `STORE_CONDITION_FAILED` error of a write that expected `expected` and found `found` (undefined: no record). */
export function storeVersionMismatch(
  table: string,
  key: string,
  expected: number,
  found: number | undefined,
): StoreError {
  return storeConditionFailed(
    table,
    key,
    found === undefined
      ? `expected version ${expected}, found no record`
      : `expected version ${expected}, found version ${found}`,
  )
}
