import assert from 'node:assert/strict'
import { CliqueError } from '../errors/CliqueError.ts'
import { parseQuantity } from './parseQuantity.ts'

describe('parseQuantity', () => {
  const accepted: [unknown, bigint, (64 | 256)?][] = [
    ['0x0', 0n],
    ['0x00', 0n],
    ['0X1f', 31n],
    ['0x47b760', 4700000n],
    ['0x30000000000000000000000000000', 3n * 2n ** 112n],
    ['0', 0n],
    ['30000000000000000000000000000', 30_000_000_000n * 10n ** 18n],
    [0, 0n],
    [5, 5n],
    [Number.MAX_SAFE_INTEGER, 9007199254740991n],
    [12n, 12n],
    ['0xffffffffffffffff', 2n ** 64n - 1n, 64],
    [`0x${'f'.repeat(64)}`, 2n ** 256n - 1n],
  ]
  for (const [input, expected, bits] of accepted) {
    it(`reads ${String(input)}${bits ? ` (${bits} bits)` : ''} as ${expected}`, () => {
      assert.equal(parseQuantity(input, 'x', bits ? { bits } : {}), expected)
    })
  }

  const refused: [string, unknown, string, (64 | 256)?][] = [
    ['an empty string', '', 'CLIQUE_QUANTITY_EMPTY'],
    ['a bare 0x', '0x', 'CLIQUE_QUANTITY_EMPTY'],
    ['non-hex digits', '0x12g4', 'CLIQUE_QUANTITY_INVALID'],
    ['a negative decimal', '-1', 'CLIQUE_QUANTITY_NEGATIVE'],
    ['a negative hex', '-0x1', 'CLIQUE_QUANTITY_NEGATIVE'],
    ['a negative number', -1, 'CLIQUE_QUANTITY_NEGATIVE'],
    ['a leading zero decimal (octal-looking)', '0123', 'CLIQUE_QUANTITY_INVALID'],
    ['whitespace', ' 1', 'CLIQUE_QUANTITY_INVALID'],
    ['a plus sign', '+1', 'CLIQUE_QUANTITY_INVALID'],
    ['a fraction', '1.5', 'CLIQUE_QUANTITY_INVALID'],
    ['an exponent string', '3e28', 'CLIQUE_QUANTITY_INVALID'],
    ['a fractional number', 1.5, 'CLIQUE_QUANTITY_INVALID'],
    ['a number beyond 2^53', 3e28, 'CLIQUE_QUANTITY_INVALID'],
    ['null', null, 'CLIQUE_QUANTITY_INVALID'],
    ['a boolean', true, 'CLIQUE_QUANTITY_INVALID'],
    ['an object', {}, 'CLIQUE_QUANTITY_INVALID'],
    ['2^64 as uint64', '0x10000000000000000', 'CLIQUE_QUANTITY_TOO_LARGE', 64],
    ['2^256', `0x1${'0'.repeat(64)}`, 'CLIQUE_QUANTITY_TOO_LARGE'],
    ['a huge decimal', '9'.repeat(100), 'CLIQUE_QUANTITY_TOO_LARGE'],
  ]
  for (const [name, input, code, bits] of refused) {
    it(`refuses ${name} with ${code} and the path`, () => {
      assert.throws(
        () => parseQuantity(input, 'alloc.0xab.balance', bits ? { bits } : {}),
        (error: unknown) => error instanceof CliqueError && error.code === code && error.path === 'alloc.0xab.balance',
      )
    })
  }
})
