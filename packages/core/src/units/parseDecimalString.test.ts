import assert from 'node:assert/strict'
import { isChainopsError } from '../errors/isChainopsError.ts'
import { parseDecimalString } from './parseDecimalString.ts'

describe('parseDecimalString', () => {
  it('splits sign, integer and fraction digits without touching them', () => {
    assert.deepEqual(parseDecimalString('123'), { negative: false, integer: '123', fraction: '' })
    assert.deepEqual(parseDecimalString('0.050'), { negative: false, integer: '0', fraction: '050' })
    assert.deepEqual(parseDecimalString('-7.25', { allowNegative: true }), {
      negative: true,
      integer: '7',
      fraction: '25',
    })
    assert.deepEqual(parseDecimalString('007.1'), { negative: false, integer: '007', fraction: '1' })
  })

  const refusals: [string, string, Parameters<typeof parseDecimalString>[1]?][] = [
    ['', 'the string is empty'],
    [' 1', "unexpected character at position 0; expected digits and at most one '.'"],
    ['1 ', "unexpected character at position 1; expected digits and at most one '.'"],
    ['+1', "unexpected character at position 0; expected digits and at most one '.'"],
    ['1e18', "unexpected character at position 1; expected digits and at most one '.'"],
    ['1_000', "unexpected character at position 1; expected digits and at most one '.'"],
    ['1.2.3', "unexpected character at position 3; expected digits and at most one '.'"],
    ['0x10', "unexpected character at position 1; expected digits and at most one '.'"],
    ['-1.x', "unexpected character at position 3; expected digits and at most one '.'", { allowNegative: true }],
    ['--1', "unexpected character at position 1; expected digits and at most one '.'", { allowNegative: true }],
    ['.5', 'expected at least one digit before the decimal point'],
    ['5.', 'expected at least one digit after the decimal point'],
    ['-', 'expected at least one digit before the decimal point', { allowNegative: true }],
    ['-1', 'negative amounts are not allowed here'],
    ['1.123', '3 decimals given, at most 2 allowed', { maxDecimals: 2 }],
    ['1.0', '1 decimals given, at most 0 allowed', { maxDecimals: 0 }],
    ['1'.repeat(201), 'the string is longer than 200 characters'],
  ]
  for (const [input, details, options] of refusals) {
    it(`refuses ${JSON.stringify(input.length > 20 ? `${input.slice(0, 10)}...` : input)} with UNITS_INVALID_AMOUNT: ${details}`, () => {
      assert.throws(
        () => parseDecimalString(input, options),
        (error) => isChainopsError(error, 'UNITS_INVALID_AMOUNT') && error.details === details,
      )
    })
  }

  it('refuses a non-string at runtime and never echoes the input in the message', () => {
    assert.throws(
      () => parseDecimalString(12 as unknown as string),
      (error) =>
        isChainopsError(error, 'UNITS_INVALID_AMOUNT') &&
        error.details === 'expected a decimal string, received number' &&
        error.shortMessage === 'Invalid amount',
    )
    const secretish = 'abandon abandon about'
    assert.throws(
      () => parseDecimalString(secretish, { what: 'ether amount' }),
      (error) =>
        error instanceof Error &&
        !error.message.includes('abandon') &&
        error.message ===
          "Invalid ether amount [UNITS_INVALID_AMOUNT]\n\nDetails: unexpected character at position 0; expected digits and at most one '.'",
    )
  })
})
