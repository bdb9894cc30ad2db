import { BLS_CURVE_ORDER } from './BLS_CURVE_ORDER.ts'
import { KeysError } from './KeysError.ts'

/** Asserts 32 bytes big-endian of a scalar in [1, r); the error says which rule failed, never the bytes. */
export function assertSecretKey(secretKey: Uint8Array, name = 'secret key'): void {
  if (!(secretKey instanceof Uint8Array) || secretKey.length !== 32) {
    throw new KeysError({
      code: 'KEYS_SECRET_KEY_INVALID',
      shortMessage: `a BLS ${name} is 32 bytes big-endian`,
      details: `got ${secretKey instanceof Uint8Array ? `${secretKey.length} bytes` : typeof secretKey}`,
    })
  }
  const value = BigInt(`0x${Buffer.from(secretKey).toString('hex')}`)
  if (value === 0n || value >= BLS_CURVE_ORDER) {
    throw new KeysError({
      code: 'KEYS_SECRET_KEY_INVALID',
      shortMessage: `a BLS ${name} is a scalar in [1, r): this one is ${value === 0n ? 'zero' : 'not below r'}`,
    })
  }
}
