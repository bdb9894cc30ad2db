import type { Hex } from 'viem'
import { CliqueError } from '../errors/CliqueError.ts'

export type ParseHexBytesOptions = {
  /** Exact length in bytes (e.g. 32 for a hash, 20 for an address). */
  size?: number
}

/**
 * Reads `0x`-prefixed hex bytes as geth's `hexutil.Bytes` does: prefix required, even length,
 * hex digits only. Returns the lower-cased hex. Throws a `CliqueError` (`CLIQUE_QUANTITY_INVALID`) naming `path`.
 */
export function parseHexBytes(value: unknown, path: string, options: ParseHexBytesOptions = {}): Hex {
  const fail = (shortMessage: string, details?: string): never => {
    throw new CliqueError({ code: 'CLIQUE_QUANTITY_INVALID', shortMessage, path, details })
  }
  if (typeof value !== 'string')
    return fail('expected a 0x hex string', `got ${value === null ? 'null' : typeof value}`)
  if (!/^0[xX]/.test(value)) return fail('hex string lacks the 0x prefix', `got ${JSON.stringify(value.slice(0, 80))}`)
  const digits = value.slice(2)
  if (!/^[0-9a-fA-F]*$/.test(digits)) return fail('hex string has non-hex digits')
  if (digits.length % 2 !== 0) return fail('hex string has an odd number of digits', `${digits.length} digits`)
  const size = digits.length / 2
  if (options.size !== undefined && size !== options.size) {
    return fail(`expected ${options.size} bytes`, `got ${size} bytes`)
  }
  return `0x${digits.toLowerCase()}`
}
