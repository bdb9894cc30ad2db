import { UnitsError } from './UnitsError.ts'

/** The longest decimal string accepted; far above any uint256 amount, far below a denial of service. */
const MAX_LENGTH = 200

export type ParseDecimalStringParameters = {
  /** Accept a leading `-`. */
  allowNegative?: boolean | undefined
  /** Refuse more fraction digits than this. */
  maxDecimals?: number | undefined
  /** Names the amount in error messages, e.g. `ether amount`. */
  what?: string | undefined
}

export type ParseDecimalStringReturnType = {
  negative: boolean
  /** The digits before the point, at least one. */
  integer: string
  /** The digits after the point, possibly empty. */
  fraction: string
}

/**
 * Splits a plain decimal string (`123`, `-0.5`, `1.000`) into sign, integer and fraction digits,
 * exactly and without floats. Refuses everything else with `UNITS_INVALID_AMOUNT`: empty strings,
 * whitespace, `+`, exponents, `_`, a bare `.5` or `5.`, more than `maxDecimals` fraction digits,
 * and a `-` unless `allowNegative`.
 */
export function parseDecimalString(
  value: string,
  parameters: ParseDecimalStringParameters = {},
): ParseDecimalStringReturnType {
  const { allowNegative = false, maxDecimals, what = 'amount' } = parameters
  const invalid = (details: string) =>
    new UnitsError({ code: 'UNITS_INVALID_AMOUNT', shortMessage: `Invalid ${what}`, details })

  if (typeof value !== 'string') throw invalid(`expected a decimal string, received ${typeof value}`)
  if (value.length === 0) throw invalid('the string is empty')
  if (value.length > MAX_LENGTH) throw invalid(`the string is longer than ${MAX_LENGTH} characters`)

  let rest = value
  const negative = rest.startsWith('-')
  if (negative) {
    if (!allowNegative) throw invalid('negative amounts are not allowed here')
    rest = rest.slice(1)
  }
  const point = rest.indexOf('.')
  const integer = point === -1 ? rest : rest.slice(0, point)
  const fraction = point === -1 ? '' : rest.slice(point + 1)
  const offset = negative ? 1 : 0
  for (let i = 0; i < rest.length; i++) {
    const c = rest.charCodeAt(i)
    if (c >= 48 && c <= 57) continue
    if (i === point) continue
    throw invalid(`unexpected character at position ${i + offset}; expected digits and at most one '.'`)
  }
  if (integer.length === 0) throw invalid('expected at least one digit before the decimal point')
  if (point !== -1 && fraction.length === 0) throw invalid('expected at least one digit after the decimal point')
  if (maxDecimals !== undefined && fraction.length > maxDecimals)
    throw invalid(`${fraction.length} decimals given, at most ${maxDecimals} allowed`)
  return { negative, integer, fraction }
}
