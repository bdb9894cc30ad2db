import type { Hex } from 'viem'
import { CliqueError } from '../errors/CliqueError.ts'

/**
 * Reads a genesis storage key or value as geth's `storageJSON` does: optional `0x`, at most 64 hex
 * digits, an even count, left-padded to 32 bytes; unlike geth, an empty word is refused. Returns the 32-byte lower-case hex.
 */
export function parseStorageWord(value: unknown, path: string): Hex {
  const fail = (shortMessage: string, details?: string): never => {
    throw new CliqueError({ code: 'CLIQUE_QUANTITY_INVALID', shortMessage, path, details })
  }
  if (typeof value !== 'string')
    return fail('expected a hex storage word', `got ${value === null ? 'null' : typeof value}`)
  const digits = value.replace(/^0[xX]/, '')
  if (digits === '') return fail('storage word is empty')
  if (!/^[0-9a-fA-F]*$/.test(digits)) return fail('storage word has non-hex digits')
  if (digits.length > 64) return fail('storage word is longer than 32 bytes', `${digits.length} hex digits`)
  if (digits.length % 2 !== 0) return fail('storage word has an odd number of hex digits')
  return `0x${digits.toLowerCase().padStart(64, '0')}`
}
