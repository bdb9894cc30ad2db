import { parseExactUnits } from './parseExactUnits.ts'

/** Parses a btc amount into sats, exactly: more than 8 decimals or a negative amount is `UNITS_INVALID_AMOUNT`. */
export function parseBtc(value: string): bigint {
  return parseExactUnits(value, 8, { what: 'btc amount' })
}
