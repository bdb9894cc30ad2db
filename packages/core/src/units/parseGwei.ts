import { parseUnits } from './parseUnits.ts'

/** Parses a gwei amount into wei, exactly: more than 9 decimals or a negative amount is `UNITS_INVALID_AMOUNT`. */
export function parseGwei(value: string): bigint {
  return parseUnits(value, 9, { what: 'gwei amount' })
}
