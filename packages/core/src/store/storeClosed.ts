import { StoreError } from './StoreError.ts'

/** The `STORE_CLOSED` error of a call on a closed store. */
export function storeClosed(): StoreError {
  return new StoreError({ code: 'STORE_CLOSED', shortMessage: 'Store is closed' })
}
