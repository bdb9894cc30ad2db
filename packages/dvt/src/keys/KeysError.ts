import { ChainopsError } from '@chainops/core'

declare module '@chainops/core' {
  interface ChainopsErrorCodes {
    dvtKeys: KeysErrorCode
  }
}

/** Stable codes of {@link KeysError}. */
export type KeysErrorCode =
  /** An EIP-2333 seed shorter than 32 bytes. */
  | 'KEYS_SEED_LENGTH'
  /** A child index that is not an integer in [0, 2^32). */
  | 'KEYS_CHILD_INDEX'
  /** A path that is not an EIP-2334 validator path (`m/12381/3600/i/0/0` signing, `m/12381/3600/i/0` withdrawal). */
  | 'KEYS_PATH_INVALID'
  /** A BLS secret key that is not 32 bytes, zero, or not below the curve order r. */
  | 'KEYS_SECRET_KEY_INVALID'
  /** Validator indices missing, given twice (`index` and `indices`), repeated or out of range. */
  | 'KEYS_INDICES_INVALID'
  /** A path or role that is not one of the treasury layout's DVTNodeKeys roles. */
  | 'KEYS_LAYOUT_ROLE_UNKNOWN'

export type KeysErrorParameters = {
  code: KeysErrorCode
  shortMessage: string
  details?: string | undefined
  cause?: unknown
}

/** Every error of the EIP-2333/2334 key derivation. Messages name the input, never a key or a seed. */
export class KeysError extends ChainopsError<KeysErrorCode> {
  override name = 'KeysError'
  declare readonly code: KeysErrorCode

  constructor(parameters: KeysErrorParameters) {
    super(parameters)
  }
}
