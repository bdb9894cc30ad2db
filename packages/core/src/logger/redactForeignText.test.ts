import assert from 'node:assert/strict'
import { redactForeignText } from './redactForeignText.ts'

// BIP-39 test vector phrase (trezor/python-mnemonic vectors.json) and a well-known test private key
const phrase = 'legal winner thank year wave sausage worth useful legal winner thank yellow'
const privateKey = '0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318'

describe('redactForeignText', () => {
  it('redacts phrases, keys and macaroons from foreign text and keeps the rest', () => {
    assert.equal(
      redactForeignText(`invalid private key ${privateKey} for ${phrase}`),
      'invalid private key [redacted] for [redacted]',
    )
    assert.equal(
      redactForeignText(`macaroon 0201036c6e6402f801030a10${'ab12'.repeat(60)} refused`),
      'macaroon [redacted] refused',
    )
    const plain = 'HTTP request failed. Status: 502 URL: http://127.0.0.1:8545'
    assert.equal(redactForeignText(plain), plain)
  })
})
