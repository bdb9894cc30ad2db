import { formatExactUnits } from './formatExactUnits.ts'

/** Formats sats as an exact btc decimal string, trailing zeros trimmed. */
export function formatBtc(value: bigint): string {
  return formatExactUnits(value, 8)
}
