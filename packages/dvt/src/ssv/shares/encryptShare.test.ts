import assert from 'node:assert/strict'
import { generateKeyPairSync } from 'node:crypto'
import { isChainopsError, Secret } from '@chainops/core'
import { decryptShare } from './decryptShare.ts'
import { encodeOperatorKey } from './encodeOperatorKey.ts'
import { encryptShare } from './encryptShare.ts'
import { parseOperatorKey } from './parseOperatorKey.ts'
import { parseOperatorPrivateKey } from './parseOperatorPrivateKey.ts'

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
const other = generateKeyPairSync('rsa', { modulusLength: 2048 })
const share = () => new Secret(new Uint8Array(32).map((_, i) => i + 1))
const b64 = (text: string) => Buffer.from(text).toString('base64')

describe('operator keys and share encryption', () => {
  it('encodes an RSA key as SSV does (base64 of an RSA PUBLIC KEY PEM around SPKI) and parses it back', () => {
    const operatorKey = encodeOperatorKey(rsa.publicKey)
    const pem = Buffer.from(operatorKey, 'base64').toString()
    assert.ok(pem.startsWith('-----BEGIN RSA PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA'))
    const key = parseOperatorKey({ operatorId: 1, operatorKey })
    assert.ok(key.equals(rsa.publicKey))
  })

  it('encrypts a share to 256 bytes of PKCS#1 v1.5 over "0x" + 64 hex digits, and decrypts it back', () => {
    const encrypted = encryptShare(
      share(),
      parseOperatorKey({ operatorId: 1, operatorKey: encodeOperatorKey(rsa.publicKey) }),
    )
    assert.equal(encrypted.length, 256)
    const privateKey = parseOperatorPrivateKey({
      operatorId: 1,
      privateKey: rsa.privateKey.export({ format: 'pem', type: 'pkcs1' }) as string,
    })
    assert.deepEqual(decryptShare({ operatorId: 1, encryptedShare: encrypted, privateKey }).reveal(), share().reveal())
    // The private key also reads in base64, as SSV nodes keep it.
    const base64Key = b64(rsa.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string)
    assert.ok(parseOperatorPrivateKey({ operatorId: 1, privateKey: base64Key }).equals(rsa.privateKey))
  })

  it('a wrong operator private key is SSV_SHARES_OPERATOR_PRIVATE_KEY naming the operator', () => {
    const encrypted = encryptShare(share(), rsa.publicKey)
    assert.throws(
      () => decryptShare({ operatorId: 9, encryptedShare: encrypted, privateKey: other.privateKey }),
      (error: unknown) =>
        isChainopsError(error, 'SSV_SHARES_OPERATOR_PRIVATE_KEY') && error.shortMessage.includes('operator 9'),
    )
    assert.throws(
      () => parseOperatorPrivateKey({ operatorId: 9, privateKey: 'not a key' }),
      (error: unknown) => isChainopsError(error, 'SSV_SHARES_OPERATOR_PRIVATE_KEY'),
    )
  })

  const small = generateKeyPairSync('rsa', { modulusLength: 1024 })
  const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
  const wrap = (der: Buffer) =>
    b64(`-----BEGIN RSA PUBLIC KEY-----\n${der.toString('base64')}\n-----END RSA PUBLIC KEY-----\n`)
  const bad: [string, string][] = [
    ['an RSA-1024 key', encodeOperatorKey(small.publicKey)],
    ['an EC key', wrap(ec.publicKey.export({ format: 'der', type: 'spki' }))],
    ['a plain "PUBLIC KEY" PEM', b64(rsa.publicKey.export({ format: 'pem', type: 'spki' }) as string)],
    ['a private key', b64(rsa.privateKey.export({ format: 'pem', type: 'pkcs1' }) as string)],
    ['garbage in the PEM', wrap(Buffer.from('not a key at all'))],
    ['not base64', 'hello world!'],
    ['an empty string', ''],
  ]
  for (const [name, operatorKey] of bad)
    it(`refuses ${name} as SSV_SHARES_OPERATOR_KEY naming the operator id`, () => {
      assert.throws(
        () => parseOperatorKey({ operatorId: 42, operatorKey }),
        (error: unknown) =>
          isChainopsError(error, 'SSV_SHARES_OPERATOR_KEY') && error.shortMessage.startsWith('operator 42:'),
      )
    })

  it('reads a PKCS#1 body under the RSA PUBLIC KEY label too', () => {
    const operatorKey = wrap(rsa.publicKey.export({ format: 'der', type: 'pkcs1' }))
    assert.ok(parseOperatorKey({ operatorId: 1, operatorKey }).equals(rsa.publicKey))
  })
})
