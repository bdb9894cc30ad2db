import { Secret } from '@chainops/core'
import { assertSecretKey } from './assertSecretKey.ts'
import { hkdfModR } from './hkdfModR.ts'
import { KeysError } from './KeysError.ts'
import { parentSKToLamportPK } from './parentSKToLamportPK.ts'
import { revealBytes } from './revealBytes.ts'

export type DeriveChildSKErrorType = KeysError

/**
 * EIP-2333 `derive_child_SK`: the child at `index` (an integer in [0, 2^32)) of a parent BLS
 * secret key (32 bytes big-endian), through the parent's compressed Lamport public key.
 */
export function deriveChildSK(parentSK: Uint8Array | Secret<Uint8Array>, index: number): Secret<Uint8Array> {
  if (!Number.isSafeInteger(index) || index < 0 || index > 0xffffffff) {
    throw new KeysError({
      code: 'KEYS_CHILD_INDEX',
      shortMessage: 'an EIP-2333 child index is an integer in [0, 2^32)',
      details: `got ${typeof index === 'number' ? String(index) : typeof index}`,
    })
  }
  const parent = revealBytes(parentSK)
  assertSecretKey(parent, 'parent secret key')
  const lamportPK = parentSKToLamportPK(parent, index)
  try {
    return new Secret(hkdfModR(lamportPK))
  } finally {
    lamportPK.fill(0)
  }
}
