import { parseExactUnits } from './parseExactUnits.ts'

/** Parses a gwei amount into wei, exactly: more than 9 decimals or a negative amount is `UNITS_INVALID_AMOUNT`. */
export function parseExactGwei(value: string): bigint {
  return parseExactUnits(value, 9, { what: 'gwei amount' })
}
