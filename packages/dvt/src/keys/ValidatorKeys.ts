import type { Secret } from '@chainops/core'

/** The EIP-2334 keys of one validator. The caller wipes both secrets when done. */
export type ValidatorKeys = {
  /** The validator index, the account level of both paths. */
  index: number
  /** `m/12381/3600/<index>/0/0`. */
  signingPath: string
  /** `m/12381/3600/<index>/0`. */
  withdrawalPath: string
  /** The signing (validator) key, 32 bytes big-endian. */
  signingKey: Secret<Uint8Array>
  /** The withdrawal key, 32 bytes big-endian (for 0x00 credentials; 0x01/0x02 use an address). */
  withdrawalKey: Secret<Uint8Array>
  /** The 48-byte compressed public key of the signing key. */
  publicKey: Uint8Array
  /** The 48-byte compressed public key of the withdrawal key. */
  withdrawalPublicKey: Uint8Array
}
