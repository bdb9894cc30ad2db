import { UsageError } from '../../../framework/Command.ts'
import { type IntegerFlagOptions, integerFlag } from './integerFlag.ts'

/** Like integerFlag, for a flag the command cannot run without. */
export function requiredIntegerFlag(value: unknown, name: string, options: IntegerFlagOptions = {}): number {
  const parsed = integerFlag(value, name, undefined, options)
  if (parsed === undefined) throw new UsageError(`--${name} is required`)
  return parsed
}
