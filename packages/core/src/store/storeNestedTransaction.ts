import { StoreError } from './StoreError.ts'

/** The `STORE_NESTED_TRANSACTION` error of a store called inside its own `transaction` callback. */
export function storeNestedTransaction(): StoreError {
  return new StoreError({
    code: 'STORE_NESTED_TRANSACTION',
    shortMessage: 'Store used inside its own transaction',
    details: 'inside transaction(fn), call the transaction object passed to fn, not the store',
  })
}
