import { createHash, hkdfSync } from 'node:crypto'
import { BLS_CURVE_ORDER } from './BLS_CURVE_ORDER.ts'

const L = 48

/**
 * EIP-2333 `HKDF_mod_r` (the KeyGen of the BLS signature draft, v4): HKDF-SHA256 of `ikm || 0x00`
 * with the salt `SHA256("BLS-SIG-KEYGEN-SALT-")` (hashed again while the result is zero), 48 bytes
 * mod r. Returns the key as 32 bytes big-endian; the caller owns and wipes it.
 */
export function hkdfModR(ikm: Uint8Array, keyInfo: Uint8Array = new Uint8Array(0)): Uint8Array {
  const input = new Uint8Array(ikm.length + 1)
  input.set(ikm)
  const info = new Uint8Array(keyInfo.length + 2)
  info.set(keyInfo)
  info[keyInfo.length + 1] = L
  let salt: Uint8Array = new TextEncoder().encode('BLS-SIG-KEYGEN-SALT-')
  try {
    for (;;) {
      salt = createHash('sha256').update(salt).digest()
      const okm = new Uint8Array(hkdfSync('sha256', input, salt, info, L))
      // A bigint cannot be wiped; it lives only for this reduction.
      const sk = BigInt(`0x${Buffer.from(okm).toString('hex')}`) % BLS_CURVE_ORDER
      okm.fill(0)
      if (sk !== 0n) return Uint8Array.from(Buffer.from(sk.toString(16).padStart(64, '0'), 'hex'))
    }
  } finally {
    input.fill(0)
  }
}
