import assert from 'node:assert/strict'
import { isChainopsError } from '../errors/isChainopsError.ts'
import { parseExactEther } from './parseExactEther.ts'
import { Rational } from './Rational.ts'

describe('Rational', () => {
  it('normalises: gcd-reduced with a positive denominator', () => {
    const r = new Rational(6n, -4n)
    assert.equal(r.numerator, -3n)
    assert.equal(r.denominator, 2n)
    assert.deepEqual([new Rational(0n, -7n).numerator, new Rational(0n, -7n).denominator], [0n, 1n])
    assert.deepEqual([new Rational(5n).numerator, new Rational(5n).denominator], [5n, 1n])
    assert.ok(Object.isFrozen(r))
  })

  it('refuses a zero denominator and non-bigint parts with typed errors', () => {
    assert.throws(
      () => new Rational(1n, 0n),
      (error) => isChainopsError(error, 'RATIONAL_ZERO_DENOMINATOR'),
    )
    assert.throws(
      () => new Rational(1n).div(new Rational(0n)),
      (error) => isChainopsError(error, 'RATIONAL_ZERO_DENOMINATOR'),
    )
    assert.throws(
      () => new Rational(1 as unknown as bigint, 2n),
      (error) =>
        isChainopsError(error, 'RATIONAL_INVALID') &&
        error.details === 'numerator and denominator must be bigints, received number and bigint',
    )
  })

  it('adds, subtracts, multiplies and divides exactly', () => {
    const third = new Rational(1n, 3n)
    const sixth = new Rational(1n, 6n)
    assert.equal(third.add(sixth).toString(), '1/2')
    assert.equal(third.sub(sixth).toString(), '1/6')
    assert.equal(sixth.sub(third).toString(), '-1/6')
    assert.equal(third.mul(sixth).toString(), '1/18')
    assert.equal(third.div(sixth).toString(), '2/1')
    assert.equal(third.div(new Rational(-2n)).toString(), '-1/6')
  })

  it('compares and tests equality across different representations', () => {
    assert.equal(new Rational(1n, 3n).compare(new Rational(1n, 2n)), -1)
    assert.equal(new Rational(2n, 4n).compare(new Rational(1n, 2n)), 0)
    assert.equal(new Rational(-1n, 3n).compare(new Rational(-1n, 2n)), 1)
    assert.ok(new Rational(2n, 4n).equals(new Rational(-1n, -2n)))
    assert.ok(!new Rational(1n, 3n).equals(new Rational(1n, 2n)))
  })

  it('fromDecimalString is exact: 0.01 is 1/100, not a float', () => {
    assert.equal(Rational.fromDecimalString('0.01').toString(), '1/100')
    assert.equal(Rational.fromDecimalString('-12.50').toString(), '-25/2')
    assert.equal(Rational.fromDecimalString('3').toString(), '3/1')
    assert.ok(
      Rational.fromDecimalString('0.1')
        .add(Rational.fromDecimalString('0.2'))
        .equals(Rational.fromDecimalString('0.3')),
    )
    assert.throws(
      () => Rational.fromDecimalString('1e-2'),
      (error) => isChainopsError(error, 'UNITS_INVALID_AMOUNT'),
    )
  })

  it('fromString reads back toString and toJSON', () => {
    const r = new Rational(-22n, 7n)
    assert.equal(JSON.stringify({ rate: r }), '{"rate":"-22/7"}')
    assert.ok(Rational.fromString(r.toString()).equals(r))
    assert.ok(Rational.fromString('0.25').equals(new Rational(1n, 4n)))
    assert.throws(
      () => Rational.fromString('1/0'),
      (error) => isChainopsError(error, 'RATIONAL_ZERO_DENOMINATOR'),
    )
    assert.throws(
      () => Rational.fromString('1/-2'),
      (error) => isChainopsError(error, 'UNITS_INVALID_AMOUNT'),
    )
    assert.throws(
      () => Rational.fromString('1/2/3'),
      (error) => isChainopsError(error, 'UNITS_INVALID_AMOUNT'),
    )
    assert.throws(
      () => Rational.fromString('1.5/2'),
      (error) => isChainopsError(error, 'UNITS_INVALID_AMOUNT'),
    )
  })

  it('toDecimalString gives exactly `digits` fraction digits with the chosen rounding', () => {
    const third = new Rational(1n, 3n)
    assert.equal(third.toDecimalString(4), '0.3333')
    assert.equal(new Rational(2n, 3n).toDecimalString(4), '0.6667')
    assert.equal(new Rational(2n, 3n).toDecimalString(4, 'floor'), '0.6666')
    assert.equal(new Rational(-2n, 3n).toDecimalString(2), '-0.67')
    assert.equal(new Rational(-1n, 1000n).toDecimalString(2), '0.00')
    assert.equal(new Rational(5n, 2n).toDecimalString(0), '3')
    assert.equal(new Rational(5n, 2n).toDecimalString(0, 'halfEven'), '2')
    assert.equal(new Rational(123n).toDecimalString(2), '123.00')
    assert.throws(
      () => third.toDecimalString(-1),
      (error) => isChainopsError(error, 'RATIONAL_INVALID'),
    )
  })

  it('converts sats to wei at an exact rate with floor and round', () => {
    // 0.01 coin per sat, coins have 18 decimals: 1 sat = 10^16 wei
    const weiPerSat = Rational.fromDecimalString('0.01').mul(new Rational(parseExactEther('1')))
    assert.equal(weiPerSat.applyFloor(12_345n), 123_450_000_000_000_000_000n)
    // a rate that does not divide evenly: 1 coin per 3 sats
    const third = new Rational(parseExactEther('1'), 3n)
    assert.equal(third.applyFloor(1n), 333_333_333_333_333_333n)
    assert.equal(third.applyRound(2n), 666_666_666_666_666_667n)
    assert.equal(third.applyCeil(1n), 333_333_333_333_333_334n)
    assert.equal(third.applyFloor(3n), parseExactEther('1'))
    assert.equal(new Rational(1n, 2n).applyRound(5n), 3n)
    assert.equal(new Rational(1n, 2n).apply(5n, 'halfEven'), 2n)
    assert.throws(
      () => third.applyFloor(1 as unknown as bigint),
      (error) => isChainopsError(error, 'RATIONAL_INVALID'),
    )
  })
})
