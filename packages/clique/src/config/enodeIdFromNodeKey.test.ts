import assert from 'node:assert/strict'
import { Secret } from '@chainops/core'
import { CliqueError } from '../errors/CliqueError.ts'
import { enodeIdFromNodeKey } from './enodeIdFromNodeKey.ts'

describe('enodeIdFromNodeKey', () => {
  it('gives the public key of private key 1 (the secp256k1 generator point G)', () => {
    assert.equal(
      enodeIdFromNodeKey(new Secret(`${'0'.repeat(63)}1`)),
      '0x79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8',
    )
  })
  for (const [name, key] of [
    ['a short key', '0x01'],
    ['non-hex', `0x${'zz'.repeat(32)}`],
    ['zero', `0x${'00'.repeat(32)}`],
  ] as const) {
    it(`refuses ${name} with CLIQUE_CONFIG_INVALID and never prints the key`, () => {
      assert.throws(
        () => enodeIdFromNodeKey(new Secret(key)),
        (e: unknown) =>
          e instanceof CliqueError && e.code === 'CLIQUE_CONFIG_INVALID' && !e.message.includes(key.slice(2)),
      )
    })
  }
})
