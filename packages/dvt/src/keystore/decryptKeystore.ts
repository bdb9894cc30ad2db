import { createDecipheriv, createHash, timingSafeEqual } from 'node:crypto'
import { Secret } from '@chainops/core'
import { blsPublicKey } from '../keys/blsPublicKey.ts'
import { deriveKeystoreKey } from './deriveKeystoreKey.ts'
import type { Keystore } from './Keystore.ts'
import { KeystoreError } from './KeystoreError.ts'
import { normalizeKeystorePassword } from './normalizeKeystorePassword.ts'
import { parseKeystore } from './parseKeystore.ts'

export type DecryptKeystoreErrorType = KeystoreError

/**
 * Decrypts an EIP-2335 keystore (JSON text or object, checked by `parseKeystore`) to its 32-byte
 * secret, in a `Secret` the caller wipes. The password is normalised as the EIP says (NFKD, control
 * codes stripped); the KDF runs asynchronously off the event loop. A checksum mismatch is
 * KEYSTORE_WRONG_PASSWORD; a secret whose public key is not the keystore's `pubkey` is
 * KEYSTORE_PUBKEY_MISMATCH.
 */
export async function decryptKeystore(
  keystore: unknown,
  password: string | Secret<string>,
): Promise<Secret<Uint8Array>> {
  const parsed: Keystore = parseKeystore(keystore)
  const passwordBytes = normalizeKeystorePassword(password)
  let key: Uint8Array
  try {
    key = await deriveKeystoreKey(parsed.crypto.kdf, passwordBytes)
  } catch (error) {
    throw new KeystoreError({
      code: 'KEYSTORE_UNSUPPORTED_KDF',
      shortMessage: `the ${parsed.crypto.kdf.function} KDF refused the keystore parameters`,
      details: 'crypto.kdf.params',
      cause: error,
    })
  } finally {
    passwordBytes.wipe()
  }
  const ciphertext = Buffer.from(parsed.crypto.cipher.message, 'hex')
  const checksum = createHash('sha256').update(key.subarray(16, 32)).update(ciphertext).digest()
  if (!timingSafeEqual(checksum, Buffer.from(parsed.crypto.checksum.message, 'hex'))) {
    key.fill(0)
    throw new KeystoreError({
      code: 'KEYSTORE_WRONG_PASSWORD',
      shortMessage: 'wrong keystore password: the checksum does not match',
      details:
        'crypto.checksum.message differs from sha256(key[16:32] || crypto.cipher.message): the password is wrong, or the ciphertext or checksum was altered',
    })
  }
  let first: Buffer
  let last: Buffer
  try {
    const decipher = createDecipheriv(
      'aes-128-ctr',
      key.subarray(0, 16),
      Buffer.from(parsed.crypto.cipher.params.iv, 'hex'),
    )
    first = decipher.update(ciphertext)
    last = decipher.final()
  } finally {
    // Wiped whatever happens: a malformed iv makes createDecipheriv throw.
    key.fill(0)
  }
  const plain = Buffer.concat([first, last])
  const secret = new Secret(new Uint8Array(plain))
  plain.fill(0)
  first.fill(0)
  if (parsed.pubkey !== '') {
    let matches = false
    try {
      matches = Buffer.from(blsPublicKey(secret)).toString('hex') === parsed.pubkey
    } catch {
      matches = false
    }
    if (!matches) {
      secret.wipe()
      throw new KeystoreError({
        code: 'KEYSTORE_PUBKEY_MISMATCH',
        shortMessage: "the decrypted secret is not the key of the keystore's pubkey",
        details: `pubkey ${parsed.pubkey}`,
      })
    }
  }
  return secret
}
