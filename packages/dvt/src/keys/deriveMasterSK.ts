import { Secret } from '@chainops/core'
import { hkdfModR } from './hkdfModR.ts'
import { KeysError } from './KeysError.ts'
import { revealBytes } from './revealBytes.ts'

export type DeriveMasterSKErrorType = KeysError

/**
 * EIP-2333 `derive_master_SK`: the master BLS secret key of a seed of at least 32 bytes (a BIP-39
 * seed is 64), as 32 bytes big-endian in a `Secret` the caller wipes.
 */
export function deriveMasterSK(seed: Uint8Array | Secret<Uint8Array>): Secret<Uint8Array> {
  const bytes = revealBytes(seed)
  if (!(bytes instanceof Uint8Array) || bytes.length < 32) {
    throw new KeysError({
      code: 'KEYS_SEED_LENGTH',
      shortMessage: 'an EIP-2333 seed is at least 32 bytes',
      details: `got ${bytes instanceof Uint8Array ? `${bytes.length} bytes` : typeof bytes}`,
    })
  }
  return new Secret(hkdfModR(bytes))
}
