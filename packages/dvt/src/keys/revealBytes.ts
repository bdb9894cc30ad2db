import { isSecret, type Secret } from '@chainops/core'

/** The bytes of a `Secret<Uint8Array>` or of plain bytes, without copying. */
export function revealBytes(value: Uint8Array | Secret<Uint8Array>): Uint8Array {
  return isSecret(value) ? (value as Secret<Uint8Array>).reveal() : value
}
