import { constants, type KeyObject, privateDecrypt } from 'node:crypto'
import { Secret } from '@chainops/core'
import { SsvSharesError } from './SsvSharesError.ts'

export type DecryptShareParameters = {
  /** The operator id, named in the error. */
  operatorId: number
  /** The 256-byte PKCS#1 v1.5 ciphertext from sharesData. */
  encryptedShare: Uint8Array
  /** The operator's RSA private key. */
  privateKey: KeyObject
}

/**
 * The share an operator's node would decrypt. OpenSSL 3.2+ uses implicit rejection for PKCS#1
 * v1.5, so a wrong key gives random bytes instead of an error: the plaintext must read `0x` + 64
 * hex digits, else `SSV_SHARES_OPERATOR_PRIVATE_KEY` (wrong key or a corrupt ciphertext).
 */
export function decryptShare(parameters: DecryptShareParameters): Secret<Uint8Array> {
  const { operatorId } = parameters
  let plain: Buffer | undefined
  try {
    plain = privateDecrypt(
      { key: parameters.privateKey, padding: constants.RSA_PKCS1_PADDING },
      Buffer.from(parameters.encryptedShare),
    )
  } catch {
    plain = undefined
  }
  try {
    const text = plain?.toString('latin1') ?? ''
    if (!/^0x[0-9a-fA-F]{64}$/.test(text))
      throw new SsvSharesError({
        code: 'SSV_SHARES_OPERATOR_PRIVATE_KEY',
        shortMessage: `operator ${operatorId}: the share does not decrypt to a key`,
        details: 'the operator private key is not the one the share was encrypted to, or the ciphertext is corrupt',
      })
    return new Secret(new Uint8Array(Buffer.from(text.slice(2), 'hex')))
  } finally {
    plain?.fill(0)
  }
}
