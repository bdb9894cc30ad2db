import { usageError } from '../errors/usageError.ts'

/** A whole-number flag that may exceed 2^53 (gas, wei): digits only, `_` allowed as separator. */
export function bigintFlag(value: unknown, name: string, fallback: bigint | undefined, min = 0n): bigint | undefined {
  if (value === undefined) return fallback
  const text = String(value).replaceAll('_', '')
  if (!/^\d+$/.test(text) || BigInt(text) < min) {
    throw usageError(`--${name} must be a whole number of at least ${min}, got "${String(value)}"`)
  }
  return BigInt(text)
}
