/** Bytes of free-form vanity at the start of a Clique extraData. */
export const EXTRA_VANITY_BYTES = 32
/** Bytes of the secp256k1 seal (r, s, v) at the end of a Clique extraData. */
export const EXTRA_SEAL_BYTES = 65
/** Bytes per signer address between vanity and seal. */
export const SIGNER_BYTES = 20
