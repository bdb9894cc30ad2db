import { parseExactUnits } from './parseExactUnits.ts'

/**
 * Parses a whole number of satoshis (`'21000'`) into a bigint. A fraction of a satoshi is refused:
 * amounts below a satoshi are millisatoshis, see `satsToMsat`.
 */
export function parseSats(value: string): bigint {
  return parseExactUnits(value, 0, { what: 'sats amount' })
}
