import assert from 'node:assert/strict'
import { CliqueError } from '../errors/CliqueError.ts'
import { formatRatio } from './formatRatio.ts'

describe('formatRatio', () => {
  const cases: [bigint, bigint, number, string][] = [
    [4_700_000n, 105_000n, 2, '44.76'],
    [1n, 3n, 4, '0.3333'],
    [2n, 3n, 0, '1'],
    [30_000_000_000n, 311_040_000n, 2, '96.45'],
    [-1n, 2n, 1, '-0.5'],
    [1_234_567n, 1n, 0, '1,234,567'],
  ]
  for (const [n, d, places, text] of cases)
    it(`writes ${n}/${d} to ${places} places as ${text}`, () => assert.equal(formatRatio(n, d, places), text))
  const bad: [string, () => string, string][] = [
    ['a zero denominator', () => formatRatio(1n, 0n), 'denominator'],
    ['negative decimals', () => formatRatio(1n, 3n, -1), 'decimals'],
    ['fractional decimals', () => formatRatio(1n, 3n, 1.5), 'decimals'],
  ]
  for (const [name, call, path] of bad) {
    it(`refuses ${name} with CLIQUE_RATIO_INVALID at ${path}`, () =>
      assert.throws(
        call,
        (e: unknown) => e instanceof CliqueError && e.code === 'CLIQUE_RATIO_INVALID' && e.path === path,
      ))
  }
})
