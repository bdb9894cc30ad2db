import { assertBigint } from './assertBigint.ts'

/** Converts satoshis to millisatoshis (x1000). Negative amounts are refused. */
export function satsToMsat(sats: bigint): bigint {
  assertBigint(sats, { what: 'sats amount' })
  return sats * 1000n
}
