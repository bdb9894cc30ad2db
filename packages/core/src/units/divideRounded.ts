import type { Rounding } from './Rounding.ts'

/**
 * Divides two bigints with an explicit rounding. `denominator` must be positive (a normalised
 * `Rational` guarantees it); bigint `/` alone truncates towards zero.
 */
export function divideRounded(numerator: bigint, denominator: bigint, rounding: Rounding): bigint {
  const quotient = numerator / denominator
  const remainder = numerator % denominator
  if (remainder === 0n) return quotient
  const sign = numerator < 0n ? -1n : 1n
  switch (rounding) {
    case 'trunc':
      return quotient
    case 'floor':
      return sign < 0n ? quotient - 1n : quotient
    case 'ceil':
      return sign > 0n ? quotient + 1n : quotient
    case 'round':
    case 'halfEven': {
      const twice = 2n * (remainder < 0n ? -remainder : remainder)
      if (twice < denominator) return quotient
      if (twice > denominator) return quotient + sign
      if (rounding === 'round') return quotient + sign
      return quotient % 2n === 0n ? quotient : quotient + sign
    }
  }
}
