import { usageError } from '../errors/usageError.ts'

/** `--name` as a required, non-empty string (exit 2 when missing). */
export function requiredStringFlag(values: Record<string, unknown>, name: string): string {
  const value = values[name]
  if (typeof value !== 'string' || value === '') throw usageError(`--${name} is required`)
  return value
}
