/** An IPv4 CIDR block read into its network address (as a 32-bit number) and prefix length. */
export type Ipv4Cidr = { network: number; prefix: number }

/**
 * Reads `a.b.c.d/n` (octets 0-255 without leading zeros, prefix 0-32, host bits zero, as EC2
 * wants them), or returns undefined when `value` is not one.
 */
export function parseIpv4Cidr(value: string): Ipv4Cidr | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(value)
  if (!match) return undefined
  const parts = match.slice(1).map((part) => (/^(0|[1-9]\d*)$/.test(part) ? Number(part) : Number.NaN))
  const octets = parts.slice(0, 4)
  const prefix = parts[4] as number
  if (octets.some((octet) => !(octet >= 0 && octet <= 255)) || !(prefix >= 0 && prefix <= 32)) return undefined
  const network = octets.reduce((acc, octet) => acc * 256 + octet, 0)
  const hostBits = 2 ** (32 - prefix)
  if (network % hostBits !== 0) return undefined
  return { network, prefix }
}
