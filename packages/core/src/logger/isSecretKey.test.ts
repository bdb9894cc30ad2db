import assert from 'node:assert/strict'
import { isSecretKey } from './isSecretKey.ts'

describe('isSecretKey', () => {
  it('matches secret-like names in any case and spelling', () => {
    for (const key of [
      'password',
      'PASSWORD',
      'dbPassword',
      'passphrase',
      'mnemonic',
      'privateKey',
      'private_key',
      'PRIVATE-KEY',
      'macaroon',
      'adminMacaroonHex',
      'seed',
      'masterSeed',
      'secret',
      'clientSecret',
      'apiKey',
      'x-api-key',
      'Authorization',
    ])
      assert.equal(isSecretKey(key), true, key)
  })

  it('leaves ordinary names alone', () => {
    for (const key of ['address', 'txHash', 'amount', 'publicKey', 'paymentHash', 'key', 'nonce', 'author'])
      assert.equal(isSecretKey(key), false, key)
  })
})
