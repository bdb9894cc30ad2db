import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { isChainopsError, Secret } from '@chainops/core'
import { decryptKeystore } from './decryptKeystore.ts'

// The EIP-2335 test vectors as ethstaker-deposit ships them; password and secret from ../shared/vectors/README.md.
const vectors = new URL('../../../../../shared/vectors/eip2335/', import.meta.url)
const load = (name: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(name, vectors), 'utf8'))
const password = '𝔱𝔢𝔰𝔱𝔭𝔞𝔰𝔰𝔴𝔬𝔯𝔡🔑'
const secretHex = '000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f'
const pbkdf2Vector = load('pbkdf2-test0.json')
const scryptVector = load('scrypt-test1.json')

/** A deep copy of a vector with one field replaced, addressed by a dot path. */
function withField(keystore: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(keystore)
  const keys = path.split('.')
  let node = copy as Record<string, unknown>
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>
  if (value === undefined) delete node[keys.at(-1) as string]
  else node[keys.at(-1) as string] = value
  return copy
}

describe('decryptKeystore', () => {
  for (const [name, vector] of [
    ['pbkdf2-test0.json', pbkdf2Vector],
    ['scrypt-test1.json', scryptVector],
  ] as const) {
    it(`decrypts the EIP-2335 vector ${name} to the README's secret`, async () => {
      const secret = await decryptKeystore(vector, password)
      assert.ok(secret instanceof Secret)
      assert.equal(Buffer.from(secret.reveal()).toString('hex'), secretHex)
      secret.wipe()
    })
  }
  it('takes JSON text and a Secret password, and the normalised form of the password', async () => {
    const secret = await decryptKeystore(JSON.stringify(pbkdf2Vector), new Secret('testpassword🔑'))
    assert.equal(Buffer.from(secret.reveal()).toString('hex'), secretHex)
    const again = await decryptKeystore(pbkdf2Vector, 'test\u0000pass\u007fword\u0085🔑\n')
    assert.equal(Buffer.from(again.reveal()).toString('hex'), secretHex)
  })
  it('does not block the event loop: a 10 ms interval keeps ticking during a scrypt (n = 2^18) decrypt', async () => {
    let ticks = 0
    const timer = setInterval(() => ticks++, 10)
    const started = performance.now()
    try {
      await decryptKeystore(scryptVector, password)
    } finally {
      clearInterval(timer)
    }
    const elapsed = performance.now() - started
    assert.ok(elapsed > 100, `scrypt took ${elapsed} ms`)
    // A blocked loop would tick zero times; allow generous scheduling slack on a shared machine.
    assert.ok(ticks >= Math.floor(elapsed / 10 / 4), `${ticks} ticks in ${Math.round(elapsed)} ms`)
  })
  it('refuses a wrong password with KEYSTORE_WRONG_PASSWORD', async () => {
    await assert.rejects(decryptKeystore(pbkdf2Vector, 'testpassword'), (error) =>
      isChainopsError(error, 'KEYSTORE_WRONG_PASSWORD'),
    )
  })
  const corrupt = (pbkdf2Vector.crypto as { cipher: { message: string } }).cipher.message
  for (const [name, path, value, code] of [
    ['a flipped ciphertext byte', 'crypto.cipher.message', `${corrupt.slice(0, -2)}00`, 'KEYSTORE_WRONG_PASSWORD'],
    ['a short ciphertext', 'crypto.cipher.message', corrupt.slice(0, -2), 'KEYSTORE_CORRUPT'],
    ['a short checksum', 'crypto.checksum.message', 'abcd', 'KEYSTORE_CORRUPT'],
    ['a short iv', 'crypto.cipher.params.iv', '264daa3f', 'KEYSTORE_CORRUPT'],
    ['a 47-byte pubkey', 'pubkey', '96'.repeat(47), 'KEYSTORE_CORRUPT'],
    ['another pubkey', 'pubkey', `a${'0'.repeat(95)}`, 'KEYSTORE_PUBKEY_MISMATCH'],
    ['ciphertext that is not hex', 'crypto.cipher.message', 'zz'.repeat(32), 'KEYSTORE_INVALID_JSON'],
    ['an unknown KDF', 'crypto.kdf.function', 'argon2id', 'KEYSTORE_UNSUPPORTED_KDF'],
    ['a pbkdf2 PRF other than hmac-sha256', 'crypto.kdf.params.prf', 'hmac-sha512', 'KEYSTORE_UNSUPPORTED_KDF'],
    ['a dklen of 16', 'crypto.kdf.params.dklen', 16, 'KEYSTORE_UNSUPPORTED_KDF'],
    ['an unknown cipher', 'crypto.cipher.function', 'aes-256-gcm', 'KEYSTORE_UNSUPPORTED_CIPHER'],
    ['an unknown checksum', 'crypto.checksum.function', 'keccak256', 'KEYSTORE_UNSUPPORTED_CIPHER'],
    ['version 3', 'version', 3, 'KEYSTORE_INVALID_JSON'],
    ['no uuid', 'uuid', undefined, 'KEYSTORE_INVALID_JSON'],
    ['a path that is a number', 'path', 7, 'KEYSTORE_INVALID_JSON'],
  ] as const) {
    it(`refuses ${name} with ${code}${code === 'KEYSTORE_WRONG_PASSWORD' ? '' : ', naming the field'}`, async () => {
      await assert.rejects(decryptKeystore(withField(pbkdf2Vector, path, value), password), (error) => {
        assert.ok(isChainopsError(error, code), String(error))
        if (code !== 'KEYSTORE_WRONG_PASSWORD' && code !== 'KEYSTORE_PUBKEY_MISMATCH') {
          const field = path.split('.').at(-1) as string
          assert.match(error.message, new RegExp(field === 'function' ? path.replace(/\./g, '\\.') : field))
        }
        return true
      })
    })
  }
  it('refuses scrypt parameters asking for more than 1 GiB with KEYSTORE_UNSUPPORTED_KDF', async () => {
    await assert.rejects(
      decryptKeystore(withField(scryptVector, 'crypto.kdf.params.n', 2 ** 22), password),
      (error) => isChainopsError(error, 'KEYSTORE_UNSUPPORTED_KDF') && /crypto\.kdf\.params/.test(error.message),
    )
    await assert.rejects(
      decryptKeystore(withField(scryptVector, 'crypto.kdf.params.n', 1000), password),
      (error) => isChainopsError(error, 'KEYSTORE_UNSUPPORTED_KDF') && /power of 2/.test(error.message),
    )
  })
  it('refuses text that is not JSON, and JSON that is not an object, with KEYSTORE_INVALID_JSON', async () => {
    await assert.rejects(decryptKeystore('{"crypto":', password), (error) =>
      isChainopsError(error, 'KEYSTORE_INVALID_JSON'),
    )
    await assert.rejects(decryptKeystore([1, 2], password), (error) => isChainopsError(error, 'KEYSTORE_INVALID_JSON'))
  })
})
