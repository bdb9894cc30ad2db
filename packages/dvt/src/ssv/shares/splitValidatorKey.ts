import { Secret } from '@chainops/core'
import { SecretKey } from '@chainsafe/blst'
import { BLS_CURVE_ORDER } from '../../keys/BLS_CURVE_ORDER.ts'
import { randomScalar } from './randomScalar.ts'
import { scalarToBytes } from './scalarToBytes.ts'
import { sharesThreshold } from './sharesThreshold.ts'
import { sortOperatorIds } from './sortOperatorIds.ts'
import type { ValidatorKeyShare } from './ValidatorKeyShare.ts'
import { validatorScalar } from './validatorScalar.ts'

export type SplitValidatorKeyParameters = {
  /** The validator's BLS secret key, 32 bytes big-endian. Not wiped: the caller owns it. */
  secret: Secret<Uint8Array>
  /** 4, 7, 10 or 13 distinct operator ids, in any order. */
  operatorIds: readonly number[]
}

export type SplitValidatorKeyReturnType = {
  /** Shares needed to sign: n - (n-1)/3. */
  threshold: number
  /** One share per operator, sorted by operator id. */
  shares: ValidatorKeyShare[]
}

/**
 * Shamir-splits a validator key as SSV does: a polynomial of degree threshold-1 over the BLS12-381
 * scalar field with the key as constant term and uniform random coefficients, evaluated at each
 * operator's id (not its position), so a share only ever belongs to that operator id.
 * Throws `SSV_SHARES_OPERATOR_COUNT`, `SSV_SHARES_DUPLICATE_OPERATOR`, `SSV_SHARES_OPERATOR_ID` or
 * `SSV_SHARES_VALIDATOR_KEY` before any work.
 */
export function splitValidatorKey(parameters: SplitValidatorKeyParameters): SplitValidatorKeyReturnType {
  const operatorIds = sortOperatorIds(parameters.operatorIds)
  const threshold = sharesThreshold(operatorIds.length)
  const coefficients = [validatorScalar(parameters.secret)]
  for (let i = 1; i < threshold; i++) coefficients.push(randomScalar())
  const shares = operatorIds.map((operatorId) => {
    const x = BigInt(operatorId)
    let y = 0n
    // Horner, highest coefficient first.
    for (let i = coefficients.length - 1; i >= 0; i--) y = (y * x + (coefficients[i] as bigint)) % BLS_CURVE_ORDER
    const bytes = scalarToBytes(y)
    const publicKey = SecretKey.fromBytes(bytes).toPublicKey().toBytes()
    return { operatorId, secret: new Secret(bytes), publicKey }
  })
  // bigints cannot be zeroed; drop the references so the coefficients are collectable.
  coefficients.length = 0
  return { threshold, shares }
}
