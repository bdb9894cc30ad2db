import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { inspect } from 'node:util'
import { isChainopsError, Secret } from '@chainops/core'
import { SecretKey } from '@chainsafe/blst'
import { deriveValidatorKeys } from './deriveValidatorKeys.ts'

const mnemonic = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about'
const python = new URL('../../../../.venv/bin/python', import.meta.url).pathname

// The reference: ethstaker-deposit 1.3.1's own derivation (mnemonic_and_path_to_key), in the project's venv.
function referenceKeys(phrase: string, passphrase: string, paths: string[]): string[] {
  const script = [
    'import json, sys',
    'from ethstaker_deposit.key_handling.key_derivation.path import mnemonic_and_path_to_key',
    'args = json.loads(sys.stdin.read())',
    "print(json.dumps([format(mnemonic_and_path_to_key(mnemonic=args['m'], path=p, password=args['p']), '064x') for p in args['paths']]))",
  ].join('\n')
  const out = execFileSync(python, ['-c', script], { input: JSON.stringify({ m: phrase, p: passphrase, paths }) })
  return JSON.parse(out.toString()) as string[]
}

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex')

describe('deriveValidatorKeys', () => {
  it('derives the signing and withdrawal keys ethstaker-deposit derives (indices 0, 1, 5; with and without passphrase)', () => {
    for (const passphrase of ['', 'TREZOR']) {
      const keys = deriveValidatorKeys({ mnemonic, passphrase, indices: [0, 1, 5] })
      const expected = referenceKeys(
        mnemonic,
        passphrase,
        keys.flatMap((key) => [key.signingPath, key.withdrawalPath]),
      )
      assert.deepEqual(
        keys.flatMap((key) => [hex(key.signingKey.reveal()), hex(key.withdrawalKey.reveal())]),
        expected,
      )
      for (const key of keys) {
        assert.equal(key.signingPath, `m/12381/3600/${key.index}/0/0`)
        assert.equal(key.withdrawalPath, `m/12381/3600/${key.index}/0`)
        assert.equal(key.publicKey.length, 48)
        assert.deepEqual(key.publicKey, SecretKey.fromBytes(key.signingKey.reveal()).toPublicKey().toBytes())
        assert.deepEqual(
          key.withdrawalPublicKey,
          SecretKey.fromBytes(key.withdrawalKey.reveal()).toPublicKey().toBytes(),
        )
      }
    }
  })
  it('takes the mnemonic as a Secret and a single index', () => {
    const [key] = deriveValidatorKeys({ mnemonic: new Secret(mnemonic), index: 0 })
    assert.equal(
      hex(key?.signingKey.reveal() ?? new Uint8Array()),
      '3ec45abb2792f1f287ab1434acfde9d7aac879eb74c45cf7b59d25f15ba7a650',
    )
    assert.ok(key?.signingKey instanceof Secret)
    assert.doesNotMatch(inspect(key, { depth: 5 }) + JSON.stringify(key), /3ec45abb/)
  })
  for (const [name, parameters] of [
    ['neither index nor indices', {}],
    ['both index and indices', { index: 0, indices: [1] }],
    ['an empty indices array', { indices: [] }],
    ['a negative index', { index: -1 }],
    ['an index of 2^32', { indices: [0, 2 ** 32] }],
    ['a repeated index', { indices: [3, 3] }],
  ] as const) {
    it(`refuses ${name} with KEYS_INDICES_INVALID`, () => {
      assert.throws(
        () => deriveValidatorKeys({ mnemonic, ...parameters } as never),
        (error) => isChainopsError(error, 'KEYS_INDICES_INVALID'),
      )
    })
  }
  it("refuses a bad mnemonic with treasury's typed BIP-39 errors", () => {
    assert.throws(
      () => deriveValidatorKeys({ mnemonic: mnemonic.replace(/about$/, 'abandon'), index: 0 }),
      (error) => isChainopsError(error, 'BIP39_MNEMONIC_CHECKSUM'),
    )
    assert.throws(
      () => deriveValidatorKeys({ mnemonic: 'abandon abandon', index: 0 }),
      (error) => isChainopsError(error, 'BIP39_MNEMONIC_LENGTH'),
    )
  })
})
