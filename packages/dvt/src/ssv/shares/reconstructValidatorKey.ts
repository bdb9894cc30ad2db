import { Secret } from '@chainops/core'
import { BLS_CURVE_ORDER } from '../../keys/BLS_CURVE_ORDER.ts'
import { bytesToScalar } from './bytesToScalar.ts'
import { SsvSharesError } from './SsvSharesError.ts'
import { scalarToBytes } from './scalarToBytes.ts'

export type ReconstructValidatorKeyParameters = readonly {
  /** The point the share was evaluated at. */
  operatorId: number
  /** The share secret, 32 bytes big-endian. Not wiped. */
  secret: Secret<Uint8Array>
}[]

/** a^(r-2) mod r: the inverse in the prime field. */
function invert(a: bigint): bigint {
  let result = 1n
  let base = ((a % BLS_CURVE_ORDER) + BLS_CURVE_ORDER) % BLS_CURVE_ORDER
  let exponent = BLS_CURVE_ORDER - 2n
  while (exponent > 0n) {
    if (exponent & 1n) result = (result * base) % BLS_CURVE_ORDER
    base = (base * base) % BLS_CURVE_ORDER
    exponent >>= 1n
  }
  return result
}

/**
 * The constant term of the polynomial through the given shares (Lagrange at x = 0). With a
 * threshold of shares it is the validator key; with fewer it is an unrelated scalar, which is why
 * a verifier compares the result's public key. Throws `SSV_SHARES_RECONSTRUCT` for no shares or a
 * repeated operator id.
 */
export function reconstructValidatorKey(shares: ReconstructValidatorKeyParameters): Secret<Uint8Array> {
  const ids = shares.map((share) => BigInt(share.operatorId))
  if (shares.length === 0 || new Set(ids).size !== ids.length)
    throw new SsvSharesError({
      code: 'SSV_SHARES_RECONSTRUCT',
      shortMessage: shares.length === 0 ? 'no shares to reconstruct from' : 'an operator id is repeated',
      details: `operator ids: ${shares.map((share) => share.operatorId).join(', ')}`,
    })
  let secret = 0n
  for (const [i, share] of shares.entries()) {
    const xi = ids[i] as bigint
    let numerator = 1n
    let denominator = 1n
    for (const [j, xj] of ids.entries()) {
      if (j === i) continue
      numerator = (numerator * xj) % BLS_CURVE_ORDER
      denominator = (((denominator * (xj - xi)) % BLS_CURVE_ORDER) + BLS_CURVE_ORDER) % BLS_CURVE_ORDER
    }
    const yi = bytesToScalar(share.secret.reveal())
    secret = (secret + ((yi * numerator) % BLS_CURVE_ORDER) * invert(denominator)) % BLS_CURVE_ORDER
  }
  return new Secret(scalarToBytes(secret))
}
