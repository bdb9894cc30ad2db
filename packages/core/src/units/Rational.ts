import { divideRounded } from './divideRounded.ts'
import { parseDecimalString } from './parseDecimalString.ts'
import { RationalError } from './RationalError.ts'
import type { Rounding } from './Rounding.ts'

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a
  let y = b < 0n ? -b : b
  while (y !== 0n) [x, y] = [y, x % y]
  return x
}

/**
 * An exact rational number: two bigints, always normalised (gcd-reduced, positive denominator), so
 * equal values have equal fields. Rates are rationals: `Rational.fromDecimalString('0.01')` is 1/100
 * exactly, and `rate.applyFloor(sats)` converts an amount with a stated rounding. No `number` ever
 * holds a value.
 */
export class Rational {
  readonly numerator: bigint
  readonly denominator: bigint

  constructor(numerator: bigint, denominator = 1n) {
    if (typeof numerator !== 'bigint' || typeof denominator !== 'bigint')
      throw new RationalError({
        code: 'RATIONAL_INVALID',
        shortMessage: 'Invalid rational',
        details: `numerator and denominator must be bigints, received ${typeof numerator} and ${typeof denominator}`,
      })
    if (denominator === 0n)
      throw new RationalError({ code: 'RATIONAL_ZERO_DENOMINATOR', shortMessage: 'Rational with a zero denominator' })
    const divisor = gcd(numerator, denominator)
    const sign = denominator < 0n ? -1n : 1n
    this.numerator = (sign * numerator) / divisor
    this.denominator = (sign * denominator) / divisor
    Object.freeze(this)
  }

  /** Parses a plain decimal string (`'0.01'`, `'-12.5'`) exactly; bad input is `UNITS_INVALID_AMOUNT`. */
  static fromDecimalString(value: string): Rational {
    const { negative, integer, fraction } = parseDecimalString(value, { allowNegative: true, what: 'rational' })
    const numerator = BigInt(integer + fraction)
    return new Rational(negative ? -numerator : numerator, 10n ** BigInt(fraction.length))
  }

  /** Parses `'n/d'` (the `toString()` form) or a plain decimal string. */
  static fromString(value: string): Rational {
    if (typeof value === 'string' && value.includes('/')) {
      const [n = '', d = '', ...extra] = value.split('/')
      if (extra.length === 0) {
        const numerator = parseDecimalString(n, { allowNegative: true, maxDecimals: 0, what: 'rational' })
        const denominator = parseDecimalString(d, { maxDecimals: 0, what: 'rational' })
        const top = BigInt(numerator.integer)
        return new Rational(numerator.negative ? -top : top, BigInt(denominator.integer))
      }
    }
    return Rational.fromDecimalString(value)
  }

  add(other: Rational): Rational {
    return new Rational(
      this.numerator * other.denominator + other.numerator * this.denominator,
      this.denominator * other.denominator,
    )
  }

  sub(other: Rational): Rational {
    return new Rational(
      this.numerator * other.denominator - other.numerator * this.denominator,
      this.denominator * other.denominator,
    )
  }

  mul(other: Rational): Rational {
    return new Rational(this.numerator * other.numerator, this.denominator * other.denominator)
  }

  /** Division by zero is `RATIONAL_ZERO_DENOMINATOR`. */
  div(other: Rational): Rational {
    return new Rational(this.numerator * other.denominator, this.denominator * other.numerator)
  }

  /** -1, 0 or 1 as `this` is less than, equal to or greater than `other`. */
  compare(other: Rational): -1 | 0 | 1 {
    const left = this.numerator * other.denominator
    const right = other.numerator * this.denominator
    return left < right ? -1 : left > right ? 1 : 0
  }

  equals(other: Rational): boolean {
    return this.numerator === other.numerator && this.denominator === other.denominator
  }

  /** `amount * this`, made whole with the given rounding. */
  apply(amount: bigint, rounding: Rounding): bigint {
    if (typeof amount !== 'bigint')
      throw new RationalError({
        code: 'RATIONAL_INVALID',
        shortMessage: 'Invalid amount for a rate',
        details: `expected a bigint, received ${typeof amount}`,
      })
    return divideRounded(amount * this.numerator, this.denominator, rounding)
  }

  /** `amount * this`, rounded towards negative infinity: never pays out more than the exact value. */
  applyFloor(amount: bigint): bigint {
    return this.apply(amount, 'floor')
  }

  /** `amount * this`, rounded to the nearest, halves away from zero. */
  applyRound(amount: bigint): bigint {
    return this.apply(amount, 'round')
  }

  /** `amount * this`, rounded towards positive infinity. */
  applyCeil(amount: bigint): bigint {
    return this.apply(amount, 'ceil')
  }

  /**
   * A fixed-point decimal with exactly `digits` fraction digits (like `toFixed`), rounded as asked
   * (default: nearest, halves away from zero). A result of zero has no sign.
   */
  toDecimalString(digits: number, rounding: Rounding = 'round'): string {
    if (!Number.isSafeInteger(digits) || digits < 0 || digits > 1000)
      throw new RationalError({
        code: 'RATIONAL_INVALID',
        shortMessage: 'Invalid number of digits',
        details: 'expected a whole number from 0 to 1000',
      })
    const scaled = divideRounded(this.numerator * 10n ** BigInt(digits), this.denominator, rounding)
    const negative = scaled < 0n
    const text = (negative ? -scaled : scaled).toString().padStart(digits + 1, '0')
    const integer = text.slice(0, text.length - digits)
    const fraction = text.slice(text.length - digits)
    return `${negative ? '-' : ''}${integer}${digits > 0 ? `.${fraction}` : ''}`
  }

  /** `'n/d'`, e.g. `'1/100'`; `Rational.fromString` reads it back. */
  toString(): string {
    return `${this.numerator}/${this.denominator}`
  }

  toJSON(): string {
    return this.toString()
  }
}
