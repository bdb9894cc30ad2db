import type { Secret } from '@chainops/core'
import { SecretKey } from '@chainsafe/blst'
import { assertSecretKey } from './assertSecretKey.ts'
import type { KeysError } from './KeysError.ts'
import { revealBytes } from './revealBytes.ts'

export type BlsPublicKeyErrorType = KeysError

/** The 48-byte compressed G1 public key of a BLS secret key (32 bytes big-endian), through `@chainsafe/blst`. */
export function blsPublicKey(secretKey: Uint8Array | Secret<Uint8Array>): Uint8Array {
  const bytes = revealBytes(secretKey)
  assertSecretKey(bytes)
  return SecretKey.fromBytes(bytes).toPublicKey().toBytes(true)
}
