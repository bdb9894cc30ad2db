import { assertDecimals } from './assertDecimals.ts'
import { parseDecimalString } from './parseDecimalString.ts'

export type ParseExactUnitsOptions = {
  /** Accept a leading `-` (default false: amounts are not negative). */
  allowNegative?: boolean | undefined
  /** Names the amount in error messages. */
  what?: string | undefined
}

/**
 * Parses a decimal string into base units: `parseExactUnits('1.5', 18) === 1_500_000_000_000_000_000n`.
 * Exact: more decimals than `decimals` is an error (`UNITS_INVALID_AMOUNT`), never a rounding (viem's
 * `parseUnits` rounds them away), and anything but a plain decimal string is refused.
 */
export function parseExactUnits(value: string, decimals: number, options: ParseExactUnitsOptions = {}): bigint {
  assertDecimals(decimals)
  const { negative, integer, fraction } = parseDecimalString(value, {
    allowNegative: options.allowNegative,
    maxDecimals: decimals,
    what: options.what,
  })
  const units = BigInt(integer + fraction.padEnd(decimals, '0'))
  return negative ? -units : units
}
