import type { Hex } from 'viem'

/** An operator of the cluster, as a keyshares file lists it. */
export type KeySharesOperator = {
  id: number
  /** base64 of a PEM `RSA PUBLIC KEY` around an SPKI body. */
  operatorKey: string
}

/** One validator of a keyshares file: what was signed for, and the registerValidator arguments. */
export type KeySharesItem = {
  data: {
    ownerNonce: number
    ownerAddress: string
    /** The validator's BLS public key, 48 bytes. */
    publicKey: Hex
    operators: KeySharesOperator[]
  }
  payload: {
    publicKey: Hex
    operatorIds: number[]
    /** Signature (96) + N share public keys (48 each) + N encrypted shares (256 each). */
    sharesData: Hex
  }
}

/** A keyshares file in the format ssv-keys 1.1.0 writes and the SSV web app reads. */
export type KeySharesFile = {
  version: string
  createdAt: string
  shares: KeySharesItem[]
}
