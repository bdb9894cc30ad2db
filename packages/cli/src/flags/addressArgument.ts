import { type Address, getAddress, isAddress } from 'viem'
import { usageError } from '../errors/usageError.ts'

/** An address from the command line, checksummed; mixed case must be a valid EIP-55 checksum. */
export function addressArgument(value: string, what: string): Address {
  const body = value.slice(2)
  const singleCase = body === body.toLowerCase() || body === body.toUpperCase()
  if (!isAddress(value, { strict: !singleCase })) {
    throw usageError(`${what} must be a 20-byte 0x address (EIP-55 when mixed case), got "${value}"`)
  }
  return getAddress(value)
}
