import { assertBigint } from './assertBigint.ts'

export type MsatToSatsReturnType = {
  /** Whole satoshis, rounded down. */
  sats: bigint
  /** The millisatoshis left over, 0 to 999. */
  remainderMsat: bigint
}

/**
 * Converts millisatoshis to whole satoshis, rounding down and returning what was dropped, so that
 * `sats * 1000n + remainderMsat === msat` always holds. Negative amounts are refused.
 */
export function msatToSats(msat: bigint): MsatToSatsReturnType {
  assertBigint(msat, { what: 'msat amount' })
  return { sats: msat / 1000n, remainderMsat: msat % 1000n }
}
