import { parseUnits } from './parseUnits.ts'

/** Parses a ether amount into wei, exactly: more than 18 decimals or a negative amount is `UNITS_INVALID_AMOUNT`. */
export function parseEther(value: string): bigint {
  return parseUnits(value, 18, { what: 'ether amount' })
}
