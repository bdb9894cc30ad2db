import { isAddress } from 'viem'
import { usageError } from '../errors/usageError.ts'

/** A comma-separated list of 20-byte hex addresses (any case), e.g. `--sealers 0xA…,0xB…`. */
export function addressListFlag(value: unknown, name: string): string[] {
  const items = String(value)
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
  if (items.length === 0) throw usageError(`--${name} needs at least one address`)
  for (const item of items) {
    if (!isAddress(item, { strict: false })) throw usageError(`--${name}: "${item}" is not a 20-byte hex address`)
  }
  return items
}
