/** A scalar as 32 big-endian bytes (the BLS secret key encoding). */
export function scalarToBytes(scalar: bigint): Uint8Array {
  const bytes = new Uint8Array(32)
  let rest = scalar
  for (let i = 31; i >= 0; i--) {
    bytes[i] = Number(rest & 0xffn)
    rest >>= 8n
  }
  return bytes
}
