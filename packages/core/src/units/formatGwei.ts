import { formatUnits } from './formatUnits.ts'

/** Formats wei as an exact gwei decimal string, trailing zeros trimmed. */
export function formatGwei(value: bigint): string {
  return formatUnits(value, 9)
}
