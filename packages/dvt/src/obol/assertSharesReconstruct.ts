import { bls12_381, bls12_381_Fr } from '@noble/curves/bls12-381.js'
import { ObolError } from './ObolError.ts'
import { paddedBytes } from './paddedBytes.ts'

type G1Point = ReturnType<typeof bls12_381.G1.Point.fromBytes>

/**
 * Checks, as charon does after a DKG, that a validator's public shares lie on one polynomial whose
 * value at 0 is the group key: the first `threshold` shares (at x = 1, 2, …) interpolate to the group
 * key, and so does each further share with the first `threshold - 1`. G1 arithmetic through
 * `@noble/curves` (the blst binding has no point multiplication).
 */
export function assertSharesReconstruct(
  groupKey: string,
  shares: readonly string[],
  threshold: number,
  field: string,
): void {
  const point = (hex: string, at: string): G1Point => {
    try {
      return bls12_381.G1.Point.fromBytes(paddedBytes(hex, 48, at))
    } catch (cause) {
      if (cause instanceof ObolError) throw cause
      throw new ObolError({ code: 'OBOL_BAD_SHAPE', shortMessage: `field ${at} is not a BLS12-381 public key`, cause })
    }
  }
  const group = point(groupKey, `${field}.distributed_public_key`)
  const points = shares.map((share, j) => point(share, `${field}.public_shares.${j}`))
  const recover = (indices: number[]): G1Point => {
    let sum = bls12_381.G1.Point.ZERO
    for (const i of indices) {
      // Lagrange coefficient at 0 of x_i = i + 1 over the chosen x's.
      let numerator = 1n
      let denominator = 1n
      for (const j of indices) {
        if (j === i) continue
        numerator = bls12_381_Fr.mul(numerator, BigInt(j + 1))
        denominator = bls12_381_Fr.mul(denominator, bls12_381_Fr.sub(BigInt(j + 1), BigInt(i + 1)))
      }
      const coefficient = bls12_381_Fr.div(numerator, denominator)
      sum = sum.add((points[i] as G1Point).multiply(coefficient))
    }
    return sum
  }
  const first = Array.from({ length: threshold }, (_, i) => i)
  if (!recover(first).equals(group))
    throw new ObolError({
      code: 'OBOL_INCONSISTENT',
      shortMessage: `${field}: the public shares do not reconstruct the group key`,
      details: `shares 0 to ${threshold - 1} interpolated at 0`,
    })
  for (let extra = threshold; extra < shares.length; extra++) {
    if (!recover([...first.slice(0, threshold - 1), extra]).equals(group))
      throw new ObolError({
        code: 'OBOL_INCONSISTENT',
        shortMessage: `${field}.public_shares.${extra} does not lie on the group key's polynomial`,
      })
  }
}
