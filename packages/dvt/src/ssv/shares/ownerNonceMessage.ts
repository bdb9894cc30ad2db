import { keccak_256 } from '@noble/hashes/sha3.js'
import { getAddress } from 'viem'

/**
 * What a keyshares signature signs: keccak256 of the UTF-8 text `<checksummed owner>:<nonce>`
 * (32 bytes), exactly as ssv-keys' `buildSignature` and the SSV node's share validation hash it.
 */
export function ownerNonceMessage(ownerAddress: string, ownerNonce: number): Uint8Array {
  return keccak_256(new TextEncoder().encode(`${getAddress(ownerAddress)}:${ownerNonce}`))
}
