import { StoreError } from './StoreError.ts'

/** The `STORE_CLOSED` error of a transaction object used after its transaction committed or rolled back. */
export function storeTransactionEnded(): StoreError {
  return new StoreError({
    code: 'STORE_CLOSED',
    shortMessage: 'Transaction has ended',
    details: 'a transaction object was used after its transaction committed or rolled back',
  })
}
