import { ChainopsError } from '../errors/ChainopsError.ts'

/** Stable codes of {@link StoreError}. */
export type StoreErrorCode =
  /** A conditional write lost: the key exists (putIfAbsent), is missing, or has another version. */
  | 'STORE_CONDITION_FAILED'
  /** A table name, key, version, value or list option is not acceptable. */
  | 'STORE_INVALID_INPUT'
  /** The database stayed locked by another writer for longer than the busy timeout. */
  | 'STORE_BUSY'
  /** The store was closed, or a transaction object was used after its transaction ended. */
  | 'STORE_CLOSED'
  /** The store itself was used inside its own `transaction` callback: use the transaction object. */
  | 'STORE_NESTED_TRANSACTION'

export type StoreErrorParameters = {
  code: StoreErrorCode
  shortMessage: string
  details?: string | undefined
  cause?: unknown
}

/** Thrown by every `Store` implementation. Details name tables and keys, never values. */
export class StoreError extends ChainopsError {
  override name = 'StoreError'
  declare readonly code: StoreErrorCode

  constructor(parameters: StoreErrorParameters) {
    super(parameters)
  }
}
