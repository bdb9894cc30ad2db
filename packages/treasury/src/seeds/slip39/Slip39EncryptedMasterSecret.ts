import type { Secret } from '@chainops/core'

/** What the shares recover before any passphrase: the encrypted master secret and how to decrypt it. */
export type Slip39EncryptedMasterSecret = {
  readonly identifier: number
  readonly extendable: boolean
  readonly iterationExponent: number
  readonly ciphertext: Secret<Uint8Array>
}
