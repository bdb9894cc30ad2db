import type { Secret } from '@chainops/core'
import { SecretKey } from '@chainsafe/blst'
import { ownerNonceMessage } from './ownerNonceMessage.ts'

export type SignOwnerNonceParameters = {
  /** The validator's BLS secret key. Not wiped. */
  secret: Secret<Uint8Array>
  ownerAddress: string
  ownerNonce: number
}

/**
 * The 96-byte signature that opens sharesData: the validator key signs
 * keccak256(`<checksummed owner>:<nonce>`) with the Ethereum POP ciphersuite, so the shares can
 * only be registered by that owner at that nonce.
 */
export function signOwnerNonce(parameters: SignOwnerNonceParameters): Uint8Array {
  const key = SecretKey.fromBytes(parameters.secret.reveal())
  return key.sign(ownerNonceMessage(parameters.ownerAddress, parameters.ownerNonce)).toBytes()
}
