import assert from 'node:assert/strict'
import { isChainopsError, Secret } from '@chainops/core'
import { Keystore as ChainsafeKeystore } from '@chainsafe/bls-keystore'
import { SecretKey } from '@chainsafe/blst'
import { createKeystore } from './createKeystore.ts'
import { decryptKeystore } from './decryptKeystore.ts'

const secret = Uint8Array.from(Buffer.from('000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f', 'hex'))
const pubkey = SecretKey.fromBytes(secret).toPublicKey().toBytes()
const password = '𝔱𝔢𝔰𝔱𝔭𝔞𝔰𝔰𝔴𝔬𝔯𝔡🔑'
const cheap = { n: 2 ** 14, c: 2 ** 12 }
const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex')

describe('createKeystore', () => {
  it('writes the EIP-2335 scrypt vector exactly, given its salt, iv and uuid', async () => {
    const keystore = await createKeystore({
      secret: new Secret(secret),
      password,
      path: 'm/12381/60/3141592653/589793238',
      description: 'This is a test keystore that uses scrypt to secure the secret.',
      salt: Buffer.from('d4e56740f876aef8c010b86a40d5f56745a118d0906a34e69aec8c0db1cb8fa3', 'hex'),
      iv: Buffer.from('264daa3f303d7259501c93d997d84fe6', 'hex'),
      uuid: '1d85ae20-35c5-4611-98e8-aa14a633906f',
    })
    assert.equal(keystore.crypto.checksum.message, 'd2217fe5f3e9a1e34581ef8a78f7c9928e436d36dacc5e846690a5581e8ea484')
    assert.equal(keystore.crypto.cipher.message, '06ae90d55fe0a6e9c5c3bc5b170827b2e5cce3929ed3f116c2811e6366dfe20f')
    assert.deepEqual(keystore.crypto.kdf.params, {
      dklen: 32,
      n: 262144,
      r: 8,
      p: 1,
      salt: 'd4e56740f876aef8c010b86a40d5f56745a118d0906a34e69aec8c0db1cb8fa3',
    })
    assert.equal(
      keystore.pubkey,
      '9612d7a727c9d0a22e185a1c768478dfe919cada9266988cb32359c11f2b7b27f4ae4040902382ae2910c15e2b420d07',
    )
    assert.deepEqual(Object.keys(keystore), ['crypto', 'description', 'pubkey', 'path', 'uuid', 'version'])
  })
  for (const kdf of ['scrypt', 'pbkdf2'] as const) {
    it(`${kdf}: round-trips, with a random salt, iv and uuid each time`, async () => {
      const a = await createKeystore({ secret, password, path: 'm/12381/3600/0/0/0', kdf, kdfParams: cheap })
      const b = await createKeystore({ secret, password, path: 'm/12381/3600/0/0/0', kdf, kdfParams: cheap })
      assert.equal(a.crypto.kdf.function, kdf)
      assert.notEqual(a.crypto.kdf.params.salt, b.crypto.kdf.params.salt)
      assert.notEqual(a.crypto.cipher.params.iv, b.crypto.cipher.params.iv)
      assert.notEqual(a.uuid, b.uuid)
      assert.equal(hex((await decryptKeystore(a, password)).reveal()), hex(secret))
    })
    it(`${kdf}: our keystore decrypts with @chainsafe/bls-keystore, and its keystore with ours`, async () => {
      const ours = await createKeystore({ secret, password, path: 'm/12381/3600/3/0/0', kdf, kdfParams: cheap })
      const theirsOfOurs = ChainsafeKeystore.parse(JSON.stringify(ours))
      assert.equal(hex(await theirsOfOurs.decrypt(password)), hex(secret))
      const params =
        kdf === 'scrypt'
          ? { dklen: 32, n: cheap.n, r: 8, p: 1, salt: hex(crypto.getRandomValues(new Uint8Array(32))) }
          : { dklen: 32, c: cheap.c, prf: 'hmac-sha256', salt: hex(crypto.getRandomValues(new Uint8Array(32))) }
      const theirs = await ChainsafeKeystore.create(password, secret, pubkey, 'm/12381/3600/3/0/0', '', {
        function: kdf,
        params,
      } as never)
      assert.equal(hex((await decryptKeystore(theirs.stringify(), password)).reveal()), hex(secret))
    })
  }
  it('checks a pubkey given to it, and computes the pubkey otherwise', async () => {
    const keystore = await createKeystore({ secret, password, path: '', kdf: 'pbkdf2', kdfParams: cheap, pubkey })
    assert.equal(keystore.pubkey, hex(pubkey))
    await assert.rejects(
      createKeystore({ secret, password, path: '', kdf: 'pbkdf2', kdfParams: cheap, pubkey: new Uint8Array(48) }),
      (error) => isChainopsError(error, 'KEYSTORE_PUBKEY_MISMATCH'),
    )
  })
  for (const [name, parameters] of [
    ['a 31-byte secret', { secret: secret.subarray(1) }],
    ['a zero secret', { secret: new Uint8Array(32) }],
    ['a path that is not one', { path: 'm/12381/3600/0/0/0/' }],
    ['an unknown kdf', { kdf: 'argon2id' }],
    ['an scrypt n that is not a power of 2', { kdfParams: { n: 1000 } }],
    ['a 16-byte salt', { salt: new Uint8Array(16) }],
    ['a password that is a number', { password: 7 }],
  ] as const) {
    it(`refuses ${name} with KEYSTORE_INVALID_PARAMETERS`, async () => {
      await assert.rejects(
        createKeystore(Object.assign({ secret, password, path: 'm/12381/3600/0/0/0' }, parameters) as never),
        (error) => isChainopsError(error, 'KEYSTORE_INVALID_PARAMETERS'),
      )
    })
  }
})
