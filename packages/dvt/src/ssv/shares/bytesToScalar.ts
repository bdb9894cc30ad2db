/** A big-endian byte string as a bigint (no hex string in between, so a secret leaves no string copy). */
export function bytesToScalar(bytes: Uint8Array): bigint {
  let value = 0n
  for (const byte of bytes) value = (value << 8n) | BigInt(byte)
  return value
}
