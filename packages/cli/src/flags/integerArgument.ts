import { usageError } from '../errors/usageError.ts'

/** A non-negative decimal integer from the command line (wei, a nonce, ppm): exact, never a float. */
export function integerArgument(value: string, what: string): bigint {
  if (!/^(0|[1-9][0-9]*)$/.test(value)) {
    throw usageError(`${what} must be a non-negative decimal integer, got "${value}"`)
  }
  return BigInt(value)
}
