import { parseIpv4Cidr } from '../config/parseIpv4Cidr.ts'

/**
 * The `offset`th address of a subnet's IPv4 block, for an instance whose private IP must be known
 * at synth (static enode URLs, lnd's TLS SAN). AWS reserves the first four and the last address.
 */
export function hostInSubnet(cidr: string, offset: number): string {
  const block = parseIpv4Cidr(cidr)
  if (!block) throw new TypeError(`not an IPv4 CIDR block: ${cidr}`)
  const size = 2 ** (32 - block.prefix)
  if (!Number.isInteger(offset) || offset < 4 || offset > size - 2)
    throw new RangeError(`offset ${offset} is outside the usable addresses of ${cidr}`)
  const address = block.network + offset
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join('.')
}
