import { assertBigint } from './assertBigint.ts'

/** Formats a satoshi amount as its exact decimal string (`21000n` -> `'21000'`); the inverse of `parseSats`. */
export function formatSats(sats: bigint): string {
  assertBigint(sats, { allowNegative: true, what: 'sats amount' })
  return sats.toString()
}
