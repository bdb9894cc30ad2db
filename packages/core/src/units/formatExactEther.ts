import { formatExactUnits } from './formatExactUnits.ts'

/** Formats wei as an exact ether decimal string, trailing zeros trimmed. */
export function formatExactEther(value: bigint): string {
  return formatExactUnits(value, 18)
}
