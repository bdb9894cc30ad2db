/** The scrypt parameters of an EIP-2335 keystore. */
export type ScryptKdfParams = { dklen: number; n: number; r: number; p: number; salt: string }

/** The PBKDF2 parameters of an EIP-2335 keystore (the PRF is always hmac-sha256). */
export type Pbkdf2KdfParams = { dklen: number; c: number; prf: 'hmac-sha256'; salt: string }

/** An EIP-2335 keystore (version 4), as the deposit CLI writes it. Hex fields carry no `0x`. */
export type Keystore = {
  crypto: {
    kdf:
      | { function: 'scrypt'; params: ScryptKdfParams; message: '' }
      | { function: 'pbkdf2'; params: Pbkdf2KdfParams; message: '' }
    checksum: { function: 'sha256'; params: Record<string, never>; message: string }
    cipher: { function: 'aes-128-ctr'; params: { iv: string }; message: string }
  }
  description: string
  /** The 48-byte BLS public key, hex; may be empty (EIP-2335 allows it). */
  pubkey: string
  /** The EIP-2334 path of the key, may be empty. */
  path: string
  uuid: string
  version: 4
}
