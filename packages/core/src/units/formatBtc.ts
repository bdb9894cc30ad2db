import { formatUnits } from './formatUnits.ts'

/** Formats sats as an exact btc decimal string, trailing zeros trimmed. */
export function formatBtc(value: bigint): string {
  return formatUnits(value, 8)
}
