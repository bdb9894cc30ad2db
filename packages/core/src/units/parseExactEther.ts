import { parseExactUnits } from './parseExactUnits.ts'

/** Parses a ether amount into wei, exactly: more than 18 decimals or a negative amount is `UNITS_INVALID_AMOUNT`. */
export function parseExactEther(value: string): bigint {
  return parseExactUnits(value, 18, { what: 'ether amount' })
}
