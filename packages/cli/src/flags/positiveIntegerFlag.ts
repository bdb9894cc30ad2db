import { usageError } from '../errors/usageError.ts'

/** A count or a duration of at least 1 (`--sealers`, `--timeout-seconds`); `fallback` when the flag is absent. */
export function positiveIntegerFlag(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback
  const parsed = Number(value)
  if (!Number.isInteger(parsed) || parsed < 1) throw usageError(`--${name} must be a positive integer, got "${value}"`)
  return parsed
}
