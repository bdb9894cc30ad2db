import { usageError } from '../errors/usageError.ts'

export type IntegerFlagOptions = { min?: number; max?: number }

/** A whole-number flag, checked against its range; bad input is a CLI_USAGE error (exit 2). */
export function integerFlag(
  value: unknown,
  name: string,
  fallback: number | undefined,
  options: IntegerFlagOptions = {},
): number | undefined {
  if (value === undefined) return fallback
  const { min = 0, max = Number.MAX_SAFE_INTEGER } = options
  const text = String(value)
  const parsed = /^\d+$/.test(text) ? Number(text) : Number.NaN
  if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
    throw usageError(`--${name} must be a whole number from ${min} to ${max}, got "${text}"`)
  }
  return parsed
}
