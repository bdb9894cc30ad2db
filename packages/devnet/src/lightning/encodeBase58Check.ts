import { createHash } from 'node:crypto'

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'

function checksum(payload: Uint8Array): Uint8Array {
  const once = createHash('sha256').update(payload).digest()
  return createHash('sha256').update(once).digest().subarray(0, 4)
}

/** Base58Check of `payload` (version byte included), as in legacy Bitcoin addresses. */
export function encodeBase58Check(payload: Uint8Array): string {
  const bytes = Buffer.concat([payload, checksum(payload)])
  let value = BigInt(`0x${bytes.toString('hex') || '0'}`)
  let out = ''
  while (value > 0n) {
    out = ALPHABET[Number(value % 58n)] + out
    value /= 58n
  }
  for (const byte of bytes) {
    if (byte !== 0) break
    out = `1${out}`
  }
  return out
}

export { ALPHABET as base58Alphabet, checksum as base58Checksum }
