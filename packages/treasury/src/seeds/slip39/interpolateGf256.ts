import { TreasuryError } from '../../errors/TreasuryError.ts'
import type { Gf256Share } from './Gf256Share.ts'

// GF(256) with the Rijndael polynomial x^8 + x^4 + x^3 + x + 1 and generator 3, as SLIP-39 fixes.
const EXP = new Uint8Array(255)
const LOG = new Uint8Array(256)
{
  let poly = 1
  for (let i = 0; i < 255; i++) {
    EXP[i] = poly
    LOG[poly] = i
    poly = (poly << 1) ^ poly
    if (poly & 0x100) poly ^= 0x11b
  }
}

/**
 * Lagrange interpolation, byte by byte over GF(256), of the polynomial through `shares`, evaluated
 * at `x`. The x coordinates must be distinct and the values of equal length.
 */
export function interpolateGf256(shares: readonly Gf256Share[], x: number): Uint8Array {
  const xs = new Set(shares.map((share) => share.x))
  if (xs.size !== shares.length) {
    throw new TreasuryError({ code: 'SLIP39_SHARES_DUPLICATE', shortMessage: 'two shares have the same member index' })
  }
  const length = shares[0]?.data.length ?? 0
  if (shares.some((share) => share.data.length !== length)) {
    throw new TreasuryError({
      code: 'SLIP39_SHARES_MISMATCH',
      shortMessage: 'shares hold secrets of different lengths',
    })
  }
  const hit = shares.find((share) => share.x === x)
  if (hit) return hit.data.slice()

  let logProduct = 0
  for (const share of shares) logProduct += LOG[share.x ^ x] as number
  const result = new Uint8Array(length)
  for (const share of shares) {
    let logBasis = logProduct - (LOG[share.x ^ x] as number)
    for (const other of shares) logBasis -= LOG[share.x ^ other.x] as number
    // Log of the Lagrange basis polynomial at x, modulo the multiplicative group's order.
    logBasis = ((logBasis % 255) + 255) % 255
    for (let i = 0; i < length; i++) {
      const value = share.data[i] as number
      if (value !== 0) result[i] = (result[i] as number) ^ (EXP[((LOG[value] as number) + logBasis) % 255] as number)
    }
  }
  return result
}
