import { SsvRegistrationError } from './SsvRegistrationError.ts'

const UINT256_MAX = 2n ** 256n - 1n

/** `value` as a uint256, or `SSV_REGISTRATION_INVALID_ARGUMENT` naming `what`. */
export function assertUint256(value: bigint, what: string): bigint {
  if (typeof value !== 'bigint' || value < 0n || value > UINT256_MAX) {
    throw new SsvRegistrationError({
      code: 'SSV_REGISTRATION_INVALID_ARGUMENT',
      shortMessage: `${what} must be a uint256 bigint, got ${String(value)}`,
    })
  }
  return value
}
