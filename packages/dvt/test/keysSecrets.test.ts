import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { inspect } from 'node:util'
import { isChainopsError, Secret } from '@chainops/core'
import {
  blsPublicKey,
  createKeystore,
  decryptKeystore,
  deriveChildSK,
  deriveMasterSK,
  deriveSKAtPath,
  deriveValidatorKeys,
  parseKeystore,
} from '../src/index.ts'

// No secret (mnemonic, passphrase, keystore password, secret key) in any error our key and
// keystore functions throw (message, JSON, util.inspect with the whole cause chain), nor in
// anything they print or return in printable form.
const mnemonic = 'legal winner thank year wave sausage worth useful legal winner thank yellow'
const passphrase = 'sesame-passphrase-4471'
const password = 'hunter-2-keystore-pw'
const vector = JSON.parse(
  readFileSync(new URL('../../../../shared/vectors/eip2335/pbkdf2-test0.json', import.meta.url), 'utf8'),
)
const [key] = deriveValidatorKeys({ mnemonic, passphrase, index: 0 })
if (!key) throw new Error('no key')
const secretHex = Buffer.from(key.signingKey.reveal()).toString('hex')
const withdrawalHex = Buffer.from(key.withdrawalKey.reveal()).toString('hex')
const rHex = '73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001'
const tooBig = `${rHex.slice(0, -1)}2`
const secrets = [
  mnemonic,
  'sausage',
  'useful',
  'yellow',
  passphrase,
  password,
  secretHex,
  secretHex.slice(0, 16),
  withdrawalHex,
  BigInt(`0x${secretHex}`).toString(),
  tooBig,
  '000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f',
]

function printable(error: unknown): string {
  return [
    String(error),
    JSON.stringify(error),
    inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
  ].join('\n')
}

function assertNoSecret(text: string, what: string): void {
  for (const secret of secrets) assert.ok(!text.includes(secret), `${what} shows a secret (${secret.slice(0, 3)}...)`)
}

async function caught(run: () => unknown): Promise<unknown> {
  try {
    await run()
  } catch (error) {
    return error
  }
  assert.fail('expected an error')
}

const bytes = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex, 'hex'))

const cases: [string, () => unknown][] = [
  [
    'a mnemonic with a wrong word',
    () => deriveValidatorKeys({ mnemonic: mnemonic.replace('yellow', 'sausage'), index: 0 }),
  ],
  [
    'a mnemonic with a word not in the list',
    () => deriveValidatorKeys({ mnemonic: mnemonic.replace('yellow', 'yellowx'), index: 0 }),
  ],
  [
    'a mnemonic Secret with a wrong length',
    () => deriveValidatorKeys({ mnemonic: new Secret('sausage useful yellow'), index: 0 }),
  ],
  ['a good mnemonic, passphrase and a bad index', () => deriveValidatorKeys({ mnemonic, passphrase, index: -1 })],
  ['a good mnemonic and repeated indices', () => deriveValidatorKeys({ mnemonic, passphrase, indices: [1, 1] })],
  ['a child of a key above r', () => deriveChildSK(bytes(tooBig), 0)],
  ['a public key of a key above r', () => blsPublicKey(new Secret(bytes(tooBig)))],
  ['a short seed', () => deriveMasterSK(bytes(secretHex.slice(0, 62)))],
  ['a non-validator path', () => deriveSKAtPath({ seed: bytes(secretHex + secretHex), path: `m/${secretHex}` })],
  ['a wrong keystore password', () => decryptKeystore(vector, password)],
  ['a wrong Secret keystore password', () => decryptKeystore(vector, new Secret(password))],
  [
    'a keystore with a corrupt checksum',
    () =>
      decryptKeystore(
        { ...vector, crypto: { ...vector.crypto, checksum: { ...vector.crypto.checksum, message: 'ab' } } },
        password,
      ),
  ],
  ['a keystore whose path field holds the password', () => parseKeystore({ ...vector, path: { password } })],
  ['keystore text that is not JSON but the password', () => parseKeystore(`{${password}`)],
  [
    'a keystore of a key above r',
    () => createKeystore({ secret: bytes(tooBig), password, path: key.signingPath, kdf: 'pbkdf2' }),
  ],
  [
    'a keystore of a 31-byte secret',
    () => createKeystore({ secret: bytes(secretHex).subarray(1), password, path: '', kdf: 'pbkdf2' }),
  ],
  [
    'a keystore with a bad path',
    () => createKeystore({ secret: key.signingKey, password, path: password, kdf: 'pbkdf2' }),
  ],
  [
    'a keystore with a wrong pubkey',
    () => createKeystore({ secret: key.signingKey, password, path: '', kdf: 'pbkdf2', pubkey: new Uint8Array(48) }),
  ],
  [
    'a keystore with an unknown kdf',
    () => createKeystore({ secret: key.signingKey, password, path: '', kdf: password as never }),
  ],
]

describe('keys and keystores keep secrets out of errors and output', () => {
  for (const [name, run] of cases) {
    it(`${name}: the error names no secret`, async () => {
      const error = await caught(run)
      assert.ok(isChainopsError(error), `a typed error, got ${String(error)}`)
      assertNoSecret(printable(error), name)
    })
  }
  it('derived keys, keystores and decrypted secrets print without their secrets; nothing is logged', async () => {
    const writes: string[] = []
    const original = {
      out: process.stdout.write,
      err: process.stderr.write,
      log: console.log,
      error: console.error,
      warn: console.warn,
    }
    const capture = (chunk: unknown) => {
      writes.push(String(chunk))
      return true
    }
    process.stdout.write = capture as typeof process.stdout.write
    process.stderr.write = capture as typeof process.stderr.write
    console.log = console.error = console.warn = (...args: unknown[]) => void writes.push(args.map(String).join(' '))
    let shown: string
    try {
      const keys = deriveValidatorKeys({
        mnemonic: new Secret(mnemonic),
        passphrase: new Secret(passphrase),
        indices: [0, 1],
      })
      const keystore = await createKeystore({
        secret: key.signingKey,
        password: new Secret(password),
        path: key.signingPath,
        kdf: 'pbkdf2',
        kdfParams: { c: 1024 },
      })
      const secret = await decryptKeystore(keystore, password)
      assert.equal(Buffer.from(secret.reveal()).toString('hex'), secretHex)
      shown = [
        inspect(keys, { depth: 10 }),
        JSON.stringify(keys),
        String(secret),
        JSON.stringify({ secret }),
        JSON.stringify(keystore),
      ].join('\n')
    } finally {
      process.stdout.write = original.out
      process.stderr.write = original.err
      console.log = original.log
      console.error = original.error
      console.warn = original.warn
    }
    assert.deepEqual(writes, [])
    assertNoSecret(shown, 'printed keys or keystore')
  })
})
