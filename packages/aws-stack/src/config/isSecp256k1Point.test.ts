import assert from 'node:assert/strict'
import { enodeIdFromNodeKey } from '@chainops/clique'
import { Secret } from '@chainops/core'
import { isSecp256k1Point } from './isSecp256k1Point.ts'

describe('isSecp256k1Point', () => {
  it('accepts the public keys of node keys (the generator among them: key 1)', () => {
    // key 1's public key is the generator G (SEC 2, 2.4.1)
    const one = enodeIdFromNodeKey(new Secret(`0x${'0'.repeat(63)}1`))
    assert.equal(
      one,
      '0x79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8',
    )
    assert.equal(isSecp256k1Point(one), true)
    for (const key of ['01'.repeat(32), '4c'.repeat(32), 'fe'.repeat(31) + '01']) {
      assert.equal(isSecp256k1Point(enodeIdFromNodeKey(new Secret(`0x${key}`))), true, key)
    }
  })
  it('refuses 64 bytes that are not on the curve, coordinates past the field prime, and wrong lengths', () => {
    assert.equal(isSecp256k1Point(`0x${'a1'.repeat(64)}`), false)
    const id = enodeIdFromNodeKey(new Secret(`0x${'01'.repeat(32)}`))
    const flipped = `${id.slice(0, -1)}${id.endsWith('0') ? '1' : '0'}`
    assert.equal(isSecp256k1Point(flipped), false)
    assert.equal(isSecp256k1Point(`0x${'ff'.repeat(64)}`), false)
    assert.equal(isSecp256k1Point(id.slice(0, -2)), false)
    assert.equal(isSecp256k1Point(id.slice(2)), false)
  })
})
