import { createCipheriv, createHash, randomBytes, randomUUID } from 'node:crypto'
import { isSecret, type Secret } from '@chainops/core'
import { blsPublicKey } from '../keys/blsPublicKey.ts'
import { describePath } from '../keys/describePath.ts'
import { deriveKeystoreKey } from './deriveKeystoreKey.ts'
import type { Keystore } from './Keystore.ts'
import { KeystoreError } from './KeystoreError.ts'
import { normalizeKeystorePassword } from './normalizeKeystorePassword.ts'
import { parseKeystore } from './parseKeystore.ts'

export type CreateKeystoreParameters = {
  /** The BLS secret key, 32 bytes big-endian. Not wiped here: the caller owns it. */
  secret: Uint8Array | Secret<Uint8Array>
  /** The password; normalised as EIP-2335 says before use. */
  password: string | Secret<string>
  /** The key's EIP-2334 path (e.g. `m/12381/3600/0/0/0`), or '' when it has none. */
  path: string
  /** scrypt (n = 2^18, r = 8, p = 1, as the deposit CLI) or pbkdf2 (c = 2^18, hmac-sha256). Default scrypt. */
  kdf?: 'scrypt' | 'pbkdf2' | undefined
  /** Cheaper or dearer KDF parameters than the defaults (tests, benchmarks). */
  kdfParams?: { n?: number; r?: number; p?: number; c?: number } | undefined
  /** The secret's public key (48 bytes); computed when absent, checked when given. */
  pubkey?: Uint8Array | undefined
  description?: string | undefined
  /** Fixed salt (32 bytes), IV (16 bytes) and uuid, for known-answer tests; random otherwise. */
  salt?: Uint8Array | undefined
  iv?: Uint8Array | undefined
  uuid?: string | undefined
}

export type CreateKeystoreErrorType = KeystoreError

function invalid(shortMessage: string, details?: string): never {
  throw new KeystoreError({ code: 'KEYSTORE_INVALID_PARAMETERS', shortMessage, details })
}

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex')

/**
 * An EIP-2335 keystore (version 4) of a 32-byte BLS secret key, as the deposit CLI writes it:
 * KDF over the normalised password, sha256 checksum, aes-128-ctr. The result is checked back with
 * `parseKeystore`, so what is returned is what `decryptKeystore` accepts.
 */
export async function createKeystore(parameters: CreateKeystoreParameters): Promise<Keystore> {
  const { password, path, kdf = 'scrypt', kdfParams = {}, description = '' } = parameters
  const secret = isSecret(parameters.secret) ? (parameters.secret as Secret<Uint8Array>).reveal() : parameters.secret
  if (!(secret instanceof Uint8Array) || secret.length !== 32) invalid('secret is a 32-byte BLS secret key')
  if (typeof password !== 'string' && !isSecret(password)) invalid('password is a string or a Secret<string>')
  if (typeof path !== 'string' || !/^(m(\/(0|[1-9][0-9]*))*)?$/.test(path)) {
    invalid('path is an EIP-2334 path (m/12381/3600/<index>/0/0) or empty', `path is ${describePath(path)}`)
  }
  if (kdf !== 'scrypt' && kdf !== 'pbkdf2') invalid('kdf is scrypt or pbkdf2', `kdf is another ${typeof kdf}`)
  const salt = parameters.salt ?? randomBytes(32)
  const iv = parameters.iv ?? randomBytes(16)
  if (salt.length !== 32) invalid('salt is 32 bytes')
  if (iv.length !== 16) invalid('iv is 16 bytes')
  let pubkey: Uint8Array
  try {
    pubkey = blsPublicKey(secret)
  } catch (error) {
    throw new KeystoreError({
      code: 'KEYSTORE_INVALID_PARAMETERS',
      shortMessage: 'secret is not a BLS secret key',
      cause: error,
    })
  }
  if (parameters.pubkey !== undefined && hex(parameters.pubkey) !== hex(pubkey)) {
    throw new KeystoreError({
      code: 'KEYSTORE_PUBKEY_MISMATCH',
      shortMessage: 'pubkey is not the public key of secret',
      details: `pubkey ${hex(parameters.pubkey)}`,
    })
  }
  const kdfSection: Keystore['crypto']['kdf'] =
    kdf === 'scrypt'
      ? {
          function: 'scrypt',
          params: { dklen: 32, n: kdfParams.n ?? 262144, r: kdfParams.r ?? 8, p: kdfParams.p ?? 1, salt: hex(salt) },
          message: '',
        }
      : {
          function: 'pbkdf2',
          params: { dklen: 32, c: kdfParams.c ?? 262144, prf: 'hmac-sha256', salt: hex(salt) },
          message: '',
        }
  const draft = {
    crypto: {
      kdf: kdfSection,
      checksum: { function: 'sha256', params: {}, message: '00'.repeat(32) },
      cipher: { function: 'aes-128-ctr', params: { iv: hex(iv) }, message: '00'.repeat(32) },
    },
    description,
    pubkey: hex(pubkey),
    path,
    uuid: parameters.uuid ?? randomUUID(),
    version: 4,
  }
  // Checked before the KDF runs: out-of-range kdfParams or a bad uuid fail here, typed.
  let checked: Keystore
  try {
    checked = parseKeystore(draft)
  } catch (error) {
    throw new KeystoreError({
      code: 'KEYSTORE_INVALID_PARAMETERS',
      shortMessage: 'the keystore these parameters make is not valid',
      details: (error as KeystoreError).details,
      cause: error,
    })
  }
  const passwordBytes = normalizeKeystorePassword(password)
  let key: Uint8Array
  try {
    key = await deriveKeystoreKey(checked.crypto.kdf, passwordBytes)
  } finally {
    passwordBytes.wipe()
  }
  const cipher = createCipheriv('aes-128-ctr', key.subarray(0, 16), iv)
  const ciphertext = Buffer.concat([cipher.update(secret), cipher.final()])
  const checksum = createHash('sha256').update(key.subarray(16, 32)).update(ciphertext).digest()
  key.fill(0)
  checked.crypto.cipher.message = hex(ciphertext)
  checked.crypto.checksum.message = hex(checksum)
  return checked
}
