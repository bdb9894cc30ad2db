import { formatExactUnits } from './formatExactUnits.ts'

/** Formats wei as an exact gwei decimal string, trailing zeros trimmed. */
export function formatExactGwei(value: bigint): string {
  return formatExactUnits(value, 9)
}
