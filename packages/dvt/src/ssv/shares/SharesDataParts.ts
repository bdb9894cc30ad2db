/** sharesData cut into its parts. */
export type SharesDataParts = {
  /** 96-byte BLS signature by the validator key over the owner:nonce message. */
  signature: Uint8Array
  /** One 48-byte share public key per operator, in operator id order. */
  sharePublicKeys: Uint8Array[]
  /** One 256-byte RSA ciphertext per operator, in operator id order. */
  encryptedShares: Uint8Array[]
}
