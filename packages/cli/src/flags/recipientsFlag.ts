import type { Address } from 'viem'
import { usageError } from '../errors/usageError.ts'
import { addressArgument } from './addressArgument.ts'
import { integerArgument } from './integerArgument.ts'

const PPM = 1_000_000n

/**
 * `--recipients ADDR=PPM,ADDR=PPM,...`: each recipient's share in parts per million, summing to
 * exactly 1,000,000 (100%), in the order given (the order is part of the split's hash).
 */
export function recipientsFlag(value: string): { address: Address; allocation: bigint }[] {
  const recipients = value.split(',').map((entry, i) => {
    const [address, ppm, ...rest] = entry.trim().split('=')
    if (!address || !ppm || rest.length)
      throw usageError(`recipient ${i + 1} of --recipients is not ADDR=PPM: "${entry}"`)
    const allocation = integerArgument(ppm, `the share of recipient ${i + 1}`)
    if (allocation === 0n) throw usageError(`recipient ${i + 1} of --recipients has a zero share`)
    return { address: addressArgument(address, `recipient ${i + 1} of --recipients`), allocation }
  })
  const total = recipients.reduce((sum, r) => sum + r.allocation, 0n)
  if (total !== PPM) throw usageError(`--recipients shares must sum to 1000000 ppm (100%), they sum to ${total}`)
  return recipients
}
