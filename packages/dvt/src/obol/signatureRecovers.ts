import { type Hex, isAddressEqual, recoverAddress } from 'viem'

/**
 * Whether a 65-byte secp256k1 signature `[r || s || v]` (v 0/1 or 27/28) over a digest recovers to
 * the address. A signature that does not even parse recovers to nothing: false.
 */
export async function signatureRecovers(digest: Hex, signature: string, address: string): Promise<boolean> {
  const hex = (signature.startsWith('0x') ? signature : `0x${signature}`) as Hex
  if (hex.length !== 2 + 130) return false
  try {
    const recovered = await recoverAddress({ hash: digest, signature: hex })
    return isAddressEqual(recovered, address as Hex)
  } catch {
    return false
  }
}
