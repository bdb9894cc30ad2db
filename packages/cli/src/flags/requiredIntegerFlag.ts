import { usageError } from '../errors/usageError.ts'
import { type IntegerFlagOptions, integerFlag } from './integerFlag.ts'

/** Like integerFlag, for a flag the command cannot run without. */
export function requiredIntegerFlag(value: unknown, name: string, options: IntegerFlagOptions = {}): number {
  const parsed = integerFlag(value, name, undefined, options)
  if (parsed === undefined) throw usageError(`--${name} is required`)
  return parsed
}
