import { StoreError } from './StoreError.ts'

/** The `STORE_CONDITION_FAILED` error of a conditional write that lost on `table/key`. */
export function storeConditionFailed(table: string, key: string, details: string): StoreError {
  return new StoreError({
    code: 'STORE_CONDITION_FAILED',
    shortMessage: 'Conditional write failed',
    details: `${table}/${key}: ${details}`,
  })
}
