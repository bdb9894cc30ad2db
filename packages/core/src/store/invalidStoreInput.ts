import { StoreError } from './StoreError.ts'

/** The `STORE_INVALID_INPUT` error every `Store` adapter throws for input it refuses; `details` never holds a value. */
export function invalidStoreInput(details: string, cause?: unknown): StoreError {
  return new StoreError({ code: 'STORE_INVALID_INPUT', shortMessage: 'Invalid store input', details, cause })
}
