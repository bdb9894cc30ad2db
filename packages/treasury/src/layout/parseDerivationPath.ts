import { TreasuryError } from '../errors/TreasuryError.ts'

const HARDENED = 0x80000000

/**
 * Parses `m/44'/60'/0'/0/1` (`'` or `h` for hardened) into BIP-32 indices, hardened ones with the
 * top bit set: the `address_n` form Trezor takes.
 */
export function parseDerivationPath(path: string): number[] {
  const parts = path.split('/')
  if (parts[0] !== 'm' || parts.length < 2) {
    throw new TreasuryError({
      code: 'LAYOUT_PATH_INVALID',
      shortMessage: 'derivation path must start with m/',
      details: `got ${JSON.stringify(path)}`,
    })
  }
  return parts.slice(1).map((part, position) => {
    const match = /^(0|[1-9][0-9]{0,9})(['hH]?)$/.exec(part)
    const value = match ? Number(match[1]) : Number.NaN
    if (!match || value >= HARDENED) {
      throw new TreasuryError({
        code: 'LAYOUT_PATH_INVALID',
        shortMessage: 'derivation path has an invalid index',
        details: `level ${position + 1} of ${JSON.stringify(path)}`,
      })
    }
    return match[2] ? value + HARDENED : value
  })
}
