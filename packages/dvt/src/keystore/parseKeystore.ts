import { isChainopsError, parseWith, SchemaValidationError } from '@chainops/core'
import * as v from 'valibot'
import type { Keystore } from './Keystore.ts'
import { KeystoreError } from './KeystoreError.ts'
import { keystoreSchema } from './keystoreSchema.ts'

export type ParseKeystoreErrorType = KeystoreError

const integer = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max))
const salt = v.pipe(v.string(), v.regex(/^([0-9a-fA-F]{2}){16,}$/, 'hex, at least 16 bytes'))
const scryptParams = v.object({
  dklen: v.literal(32),
  n: integer(2, 2 ** 22),
  r: integer(1, 64),
  p: integer(1, 16),
  salt,
})
const pbkdf2Params = v.object({
  dklen: v.literal(32),
  c: integer(1, 2 ** 24),
  prf: v.literal('hmac-sha256'),
  salt,
})

function fail(code: KeystoreError['code'], shortMessage: string, details?: string, cause?: unknown): never {
  throw new KeystoreError({ code, shortMessage, details, cause })
}

function hexLength(value: string, bytes: number, field: string): void {
  if (value.length !== bytes * 2) {
    fail('KEYSTORE_CORRUPT', `${field} is ${bytes} bytes`, `${field} has ${value.length / 2} bytes`)
  }
}

function parseParams<TSchema extends v.GenericSchema>(
  schema: TSchema,
  input: unknown,
  what: string,
): v.InferOutput<TSchema> {
  try {
    return parseWith(schema, input, { code: 'KEYSTORE_UNSUPPORTED_KDF', what })
  } catch (error) {
    if (!(error instanceof SchemaValidationError)) throw error
    const details = error.issues
      .map((issue) => `crypto.kdf.params.${issue.path}: expected ${issue.expected}, received ${issue.received}`)
      .join('; ')
    return fail('KEYSTORE_UNSUPPORTED_KDF', `unsupported ${what}`, details, error)
  }
}

function assertScryptCost({ n, r, p }: { n: number; r: number; p: number }): void {
  if ((n & (n - 1)) !== 0) {
    fail('KEYSTORE_UNSUPPORTED_KDF', 'crypto.kdf.params.n is a power of 2', `crypto.kdf.params.n is ${n}`)
  }
  // Bounded so that a hostile keystore cannot ask for more than 1 GiB of scrypt memory.
  if (128 * n * r * p > 2 ** 30) {
    fail(
      'KEYSTORE_UNSUPPORTED_KDF',
      'scrypt parameters crypto.kdf.params n, r, p ask for more than 1 GiB (128 n r p)',
      `crypto.kdf.params n = ${n}, r = ${r}, p = ${p}`,
    )
  }
}

/**
 * Checks an EIP-2335 keystore (a JSON string or a parsed object) at the boundary: the shape
 * (KEYSTORE_INVALID_JSON naming the field), the KDF and its parameters (KEYSTORE_UNSUPPORTED_KDF),
 * cipher and checksum functions (KEYSTORE_UNSUPPORTED_CIPHER), byte lengths (KEYSTORE_CORRUPT).
 */
export function parseKeystore(input: unknown): Keystore {
  let value = input
  if (typeof input === 'string' || input instanceof Uint8Array) {
    try {
      value = JSON.parse(typeof input === 'string' ? input : new TextDecoder().decode(input))
    } catch (error) {
      fail('KEYSTORE_INVALID_JSON', 'a keystore is a JSON object', 'the text is not JSON', error)
    }
  }
  let keystore: v.InferOutput<typeof keystoreSchema>
  try {
    keystore = parseWith(keystoreSchema, value, { code: 'KEYSTORE_INVALID_JSON', what: 'EIP-2335 keystore' })
  } catch (error) {
    if (!isChainopsError(error)) throw error
    return fail('KEYSTORE_INVALID_JSON', 'not an EIP-2335 keystore (version 4)', error.details, error)
  }
  const { kdf, checksum, cipher } = keystore.crypto
  let parsedKdf: Keystore['crypto']['kdf']
  if (kdf.function === 'scrypt') {
    const params = parseParams(scryptParams, kdf.params, 'scrypt parameters (crypto.kdf.params)')
    assertScryptCost(params)
    parsedKdf = { function: 'scrypt', params, message: '' }
  } else if (kdf.function === 'pbkdf2') {
    parsedKdf = {
      function: 'pbkdf2',
      params: parseParams(pbkdf2Params, kdf.params, 'pbkdf2 parameters (crypto.kdf.params)'),
      message: '',
    }
  } else {
    return fail(
      'KEYSTORE_UNSUPPORTED_KDF',
      'crypto.kdf.function is scrypt or pbkdf2',
      `crypto.kdf.function is another string (${kdf.function.length} characters, not echoed)`,
    )
  }
  if (checksum.function !== 'sha256') {
    fail(
      'KEYSTORE_UNSUPPORTED_CIPHER',
      'crypto.checksum.function is sha256',
      `crypto.checksum.function is another string (${checksum.function.length} characters, not echoed)`,
    )
  }
  if (cipher.function !== 'aes-128-ctr') {
    fail(
      'KEYSTORE_UNSUPPORTED_CIPHER',
      'crypto.cipher.function is aes-128-ctr',
      `crypto.cipher.function is another string (${cipher.function.length} characters, not echoed)`,
    )
  }
  const iv = cipher.params.iv
  if (typeof iv !== 'string' || !/^([0-9a-fA-F]{2})*$/.test(iv)) {
    fail(
      'KEYSTORE_INVALID_JSON',
      'not an EIP-2335 keystore (version 4)',
      'crypto.cipher.params.iv: expected hex, received ' + typeof iv,
    )
  }
  hexLength(iv, 16, 'crypto.cipher.params.iv')
  hexLength(checksum.message, 32, 'crypto.checksum.message')
  // A validator keystore holds one BLS secret key: 32 bytes.
  hexLength(cipher.message, 32, 'crypto.cipher.message')
  if (keystore.pubkey !== '') hexLength(keystore.pubkey, 48, 'pubkey')
  return {
    crypto: {
      kdf: parsedKdf,
      checksum: { function: 'sha256', params: {}, message: checksum.message.toLowerCase() },
      cipher: { function: 'aes-128-ctr', params: { iv: iv.toLowerCase() }, message: cipher.message.toLowerCase() },
    },
    description: keystore.description,
    pubkey: keystore.pubkey.toLowerCase(),
    path: keystore.path,
    uuid: keystore.uuid,
    version: 4,
  }
}
