/** secp256k1's field prime, 2^256 - 2^32 - 977. */
const P = 2n ** 256n - 2n ** 32n - 977n

/**
 * True when the 64 bytes of `0x`-hex are an uncompressed secp256k1 point (x, y) on the curve
 * y^2 = x^3 + 7, which is what geth checks of every enode id in `StaticNodes` and
 * `BootstrapNodes` before it starts (a malformed one is fatal at boot, not at synth).
 */
export function isSecp256k1Point(hex: string): boolean {
  if (!/^0x[0-9a-fA-F]{128}$/.test(hex)) return false
  const x = BigInt(`0x${hex.slice(2, 66)}`)
  const y = BigInt(`0x${hex.slice(66)}`)
  if (x >= P || y >= P) return false
  return (y * y - (x * x * x + 7n)) % P === 0n
}
