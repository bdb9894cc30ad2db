import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { isChainopsError, Secret } from '@chainops/core'
import { SecretKey } from '@chainsafe/blst'
import { deriveChildSK } from './deriveChildSK.ts'
import { deriveMasterSK } from './deriveMasterSK.ts'
import { parentSKToLamportPK } from './parentSKToLamportPK.ts'

// EIP-2333 test vectors as the ethstaker deposit CLI ships them (see ../shared/vectors/README.md).
const vectors = new URL('../../../../../shared/vectors/eip2333/', import.meta.url)
// The files carry keys as decimal integers larger than 2^53: read them as text, not through JSON.parse numbers.
function loadJson(name: string): unknown {
  const text = readFileSync(new URL(name, vectors), 'utf8').replace(/:\s*(\d{16,})/g, ': "$1"')
  return JSON.parse(text)
}
type KdfTest = { seed: string; master_SK: string; child_index: number; child_SK: string }
const { kdf_tests } = loadJson('tree_kdf.json') as { kdf_tests: KdfTest[] }
const intermediate = loadJson('tree_kdf_intermediate.json') as KdfTest & {
  lamport_0: string[]
  lamport_1: string[]
  compressed_lamport_PK: string
}

const toInt = (bytes: Uint8Array): string => BigInt(`0x${Buffer.from(bytes).toString('hex')}`).toString()

describe('EIP-2333 deriveMasterSK / deriveChildSK', () => {
  it('has the four tree_kdf vectors and the intermediate one', () => {
    assert.equal(kdf_tests.length, 4)
    assert.equal(intermediate.lamport_0.length, 255)
  })
  for (const [n, test] of kdf_tests.entries()) {
    it(`tree_kdf vector ${n}: master key and child ${test.child_index} equal the EIP's`, () => {
      const master = deriveMasterSK(Uint8Array.from(Buffer.from(test.seed, 'hex')))
      assert.equal(toInt(master.reveal()), test.master_SK)
      const child = deriveChildSK(master, test.child_index)
      assert.equal(toInt(child.reveal()), test.child_SK)
      // blst's own EIP-2333 derivation agrees, byte for byte.
      const blstMaster = SecretKey.deriveMasterEip2333(Uint8Array.from(Buffer.from(test.seed, 'hex')))
      assert.deepEqual(master.reveal(), blstMaster.toBytes())
      assert.deepEqual(child.reveal(), blstMaster.deriveChildEip2333(test.child_index).toBytes())
    })
  }
  it("intermediate vector: the compressed Lamport public key of the master key equals the EIP's", () => {
    const master = deriveMasterSK(new Secret(Uint8Array.from(Buffer.from(intermediate.seed, 'hex'))))
    assert.equal(toInt(master.reveal()), intermediate.master_SK)
    const lamportPK = parentSKToLamportPK(master.reveal(), intermediate.child_index)
    assert.equal(Buffer.from(lamportPK).toString('hex'), intermediate.compressed_lamport_PK)
    assert.equal(toInt(deriveChildSK(master, intermediate.child_index).reveal()), intermediate.child_SK)
  })
  it('returns 32-byte Secrets that print as [redacted]', () => {
    const master = deriveMasterSK(new Uint8Array(32).fill(7))
    assert.ok(master instanceof Secret)
    assert.equal(master.reveal().length, 32)
    assert.equal(String(master), '[redacted]')
  })
  it('refuses a seed shorter than 32 bytes with KEYS_SEED_LENGTH', () => {
    assert.throws(
      () => deriveMasterSK(new Uint8Array(31)),
      (error) => isChainopsError(error, 'KEYS_SEED_LENGTH') && /31 bytes/.test(error.message),
    )
  })
  for (const index of [-1, 2 ** 32, 1.5, Number.NaN]) {
    it(`refuses child index ${index} with KEYS_CHILD_INDEX`, () => {
      assert.throws(
        () => deriveChildSK(new Uint8Array(32).fill(1), index),
        (error) => isChainopsError(error, 'KEYS_CHILD_INDEX'),
      )
    })
  }
  for (const [name, key] of [
    ['31 bytes', new Uint8Array(31).fill(1)],
    ['zero', new Uint8Array(32)],
    [
      'r itself',
      Uint8Array.from(Buffer.from('73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001', 'hex')),
    ],
  ] as const) {
    it(`refuses a parent key that is ${name} with KEYS_SECRET_KEY_INVALID`, () => {
      assert.throws(
        () => deriveChildSK(key, 0),
        (error) => isChainopsError(error, 'KEYS_SECRET_KEY_INVALID'),
      )
    })
  }
})
