import type { Secret } from '@chainops/core'
import { BLS_CURVE_ORDER } from '../../keys/BLS_CURVE_ORDER.ts'
import { bytesToScalar } from './bytesToScalar.ts'
import { SsvSharesError } from './SsvSharesError.ts'

/** The validator secret as a scalar, checked to be a BLS secret key (32 bytes, 0 < k < r). */
export function validatorScalar(secret: Secret<Uint8Array>): bigint {
  const bytes = secret.reveal()
  const scalar = bytes.length === 32 ? bytesToScalar(bytes) : 0n
  if (scalar === 0n || scalar >= BLS_CURVE_ORDER)
    throw new SsvSharesError({
      code: 'SSV_SHARES_VALIDATOR_KEY',
      shortMessage: 'the validator secret is not a BLS12-381 secret key',
      details: `expected 32 bytes big-endian, 0 < key < r; got ${bytes.length} bytes`,
    })
  return scalar
}
