import { secp256k1 } from '@noble/curves/secp256k1.js'
import { keccak_256 } from '@noble/hashes/sha3.js'
import type { Address } from 'viem'

const HEX = '0123456789abcdef'

/**
 * The EIP-55 checksummed Ethereum address of a secp256k1 public key (compressed or not): the last
 * 20 bytes of keccak256 of the 64-byte uncompressed point.
 */
export function publicKeyToAddress(publicKey: Uint8Array): Address {
  const point = publicKey.length === 65 ? publicKey : secp256k1.Point.fromBytes(publicKey).toBytes(false)
  const hash = keccak_256(point.subarray(1))
  let lower = ''
  for (let i = 12; i < 32; i++) {
    const byte = hash[i] as number
    lower += (HEX[byte >> 4] as string) + (HEX[byte & 15] as string)
  }
  const checksum = keccak_256(new TextEncoder().encode(lower))
  let address = '0x'
  for (let i = 0; i < 40; i++) {
    const nibble = ((checksum[i >> 1] as number) >> (i & 1 ? 0 : 4)) & 15
    const char = lower[i] as string
    address += nibble >= 8 ? char.toUpperCase() : char
  }
  return address as Address
}
