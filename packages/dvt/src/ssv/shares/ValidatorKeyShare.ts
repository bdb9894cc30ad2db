import type { Secret } from '@chainops/core'

/** One operator's Shamir share of a validator key. */
export type ValidatorKeyShare = {
  /** The operator id, also the point the polynomial was evaluated at. */
  operatorId: number
  /** The share's BLS secret key, 32 bytes big-endian. Wipe it after use. */
  secret: Secret<Uint8Array>
  /** The share's BLS public key, 48 bytes compressed. */
  publicKey: Uint8Array
}
