import type { Hex } from 'viem'
import { usageError } from '../errors/usageError.ts'

/** 0x-prefixed hex bytes from the command line (call data). */
export function hexArgument(value: string, what: string): Hex {
  if (!/^0x([0-9a-fA-F]{2})*$/.test(value)) throw usageError(`${what} must be 0x-prefixed hex bytes, got "${value}"`)
  return value as Hex
}
