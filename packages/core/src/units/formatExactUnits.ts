import { assertBigint } from './assertBigint.ts'
import { assertDecimals } from './assertDecimals.ts'

/**
 * Formats base units as an exact decimal string with trailing zeros trimmed:
 * `formatExactUnits(1_500_000_000_000_000_000n, 18) === '1.5'`, `formatExactUnits(-1n, 9) === '-0.000000001'`.
 */
export function formatExactUnits(value: bigint, decimals: number): string {
  assertBigint(value, { allowNegative: true })
  assertDecimals(decimals)
  const negative = value < 0n
  const digits = (negative ? -value : value).toString().padStart(decimals + 1, '0')
  const integer = digits.slice(0, digits.length - decimals)
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, '')
  return `${negative ? '-' : ''}${integer}${fraction ? `.${fraction}` : ''}`
}
