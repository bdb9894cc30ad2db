import { ChainopsError } from '@chainops/core'

declare module '@chainops/core' {
  interface ChainopsErrorCodes {
    dvtKeystore: KeystoreErrorCode
  }
}

/** Stable codes of {@link KeystoreError}. */
export type KeystoreErrorCode =
  /** The checksum does not match: the password is wrong (or the ciphertext or checksum was altered). */
  | 'KEYSTORE_WRONG_PASSWORD'
  /** Not an EIP-2335 keystore: not JSON, or a field missing or of the wrong type (the field is named). */
  | 'KEYSTORE_INVALID_JSON'
  /** A byte field of the wrong length or not hex: checksum, ciphertext, iv, salt or pubkey (named). */
  | 'KEYSTORE_CORRUPT'
  /** A KDF other than scrypt or pbkdf2 (hmac-sha256), or KDF parameters out of range (named). */
  | 'KEYSTORE_UNSUPPORTED_KDF'
  /** A cipher other than aes-128-ctr, or a checksum function other than sha256. */
  | 'KEYSTORE_UNSUPPORTED_CIPHER'
  /** The decrypted secret's public key is not the keystore's `pubkey` (or the one given to create). */
  | 'KEYSTORE_PUBKEY_MISMATCH'
  /** createKeystore parameters out of range: secret, password, path or KDF parameters (named). */
  | 'KEYSTORE_INVALID_PARAMETERS'

export type KeystoreErrorParameters = {
  code: KeystoreErrorCode
  shortMessage: string
  details?: string | undefined
  cause?: unknown
}

/** Every error of the EIP-2335 keystores. Messages name the field, never a password or a secret. */
export class KeystoreError extends ChainopsError<KeystoreErrorCode> {
  override name = 'KeystoreError'
  declare readonly code: KeystoreErrorCode

  constructor(parameters: KeystoreErrorParameters) {
    super(parameters)
  }
}
