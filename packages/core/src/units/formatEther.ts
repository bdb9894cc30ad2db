import { formatUnits } from './formatUnits.ts'

/** Formats wei as an exact ether decimal string, trailing zeros trimmed. */
export function formatEther(value: bigint): string {
  return formatUnits(value, 18)
}
