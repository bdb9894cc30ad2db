import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { inspect } from 'node:util'
import { Secret } from '@chainops/core'
import {
  bip39SeedSource,
  defaultLayout,
  deriveLayout,
  mnemonicToSeed,
  slip39MasterSecret,
  slip39SeedSource,
} from '@chainops/treasury'

const MNEMONIC = 'legal winner thank year wave sausage worth useful legal winner thank yellow'
// Known answers are read from ../shared/vectors beside the repository (its README names each source).
const vectors = new URL('../../../../shared/vectors/', import.meta.url)
const slip39 = JSON.parse(readFileSync(new URL('slip39/vectors.json', vectors), 'utf8')) as [
  string,
  string[],
  string,
  string,
][]
const vector = (n: number) => (slip39[n - 1] as [string, string[], string, string])[1]
const PASSPHRASE = 'correct horse battery staple'

/** Every way an object is commonly printed, joined: a secret must appear in none. */
function printed(value: unknown): string {
  const parts = [String(value), JSON.stringify(value) ?? '', inspect(value, { depth: 10, showHidden: true })]
  if (value instanceof Error) parts.push(value.message, value.stack ?? '', inspect(value.cause, { depth: 10 }))
  return parts.join('\n')
}

/** No whole secret, and no secret word as a whole word (`short` inside `shortMessage` is no leak). */
function assertNoSecret(text: string, secrets: readonly string[]) {
  const lower = text.toLowerCase()
  for (const secret of secrets) {
    assert.ok(!lower.includes(secret.toLowerCase()), `printed output contains a whole secret (${secret.length} chars)`)
    for (const word of secret
      .toLowerCase()
      .split(' ')
      .filter((w) => w.length >= 4)) {
      const asWord = new RegExp(`(^|[^a-z])${word}([^a-z]|$)`)
      assert.ok(!asWord.test(lower), `printed output contains a secret word (${word.length} chars)`)
    }
  }
}

function caught(fn: () => unknown): Error & { code?: string } {
  try {
    fn()
  } catch (error) {
    return error as Error & { code?: string }
  }
  assert.fail('expected an error')
}

describe('seed inputs: typed errors that name the problem and never echo a secret', () => {
  const bip39Cases: [string, string, string, string][] = [
    [
      'a bad checksum (last word changed)',
      MNEMONIC.replace(/yellow$/, 'zoo'),
      'BIP39_MNEMONIC_CHECKSUM',
      'mnemonic checksum does not match: a word is wrong or out of order',
    ],
    [
      'an unknown word (typo in word 5)',
      MNEMONIC.replace('wave', 'wavez'),
      'BIP39_MNEMONIC_UNKNOWN_WORD',
      'mnemonic word 5 of 12 is not in the wordlist',
    ],
    [
      'a wrong length (11 words)',
      MNEMONIC.split(' ').slice(0, 11).join(' '),
      'BIP39_MNEMONIC_LENGTH',
      'a BIP-39 mnemonic has 12, 15, 18, 21 or 24 words, this one has 11',
    ],
  ]
  for (const [what, mnemonic, code, shortMessage] of bip39Cases) {
    it(`BIP-39 ${what}: ${code}, without the words`, () => {
      for (const fn of [() => mnemonicToSeed(mnemonic, PASSPHRASE), () => bip39SeedSource(new Secret(mnemonic))]) {
        const error = caught(fn)
        assert.equal(error.code, code)
        assert.equal((error as Error & { shortMessage?: string }).shortMessage, shortMessage)
        assertNoSecret(printed(error), [mnemonic, PASSPHRASE])
      }
    })
  }

  const slip39Cases: [string, string[], string][] = [
    ['too few shares (1 of a 2-of-3)', vector(5), 'SLIP39_SHARES_INSUFFICIENT'],
    ['mismatched identifiers', vector(6), 'SLIP39_SHARES_MISMATCH'],
    ['a bad checksum', vector(2), 'SLIP39_SHARE_CHECKSUM'],
    ['an unknown word', [(vector(1)[0] as string).replace('fridge', 'fridgex')], 'SLIP39_SHARE_UNKNOWN_WORD'],
    ['no shares', [], 'SLIP39_SHARES_EMPTY'],
  ]
  for (const [what, shares, code] of slip39Cases) {
    it(`SLIP-39 ${what}: ${code}, without the shares`, () => {
      const error = caught(() => slip39MasterSecret(shares, PASSPHRASE))
      assert.equal(error.code, code)
      assertNoSecret(printed(error), [...shares, PASSPHRASE])
    })
  }
})

describe('secrets never print', () => {
  it('seed sources, seeds and derived roles print no mnemonic, share or passphrase', () => {
    const shares = vector(4)
    const bip39 = bip39SeedSource(MNEMONIC)
    const slip = slip39SeedSource(new Secret(shares))
    const seed = bip39.seed(new Secret(PASSPHRASE))
    const derived = deriveLayout(bip39, defaultLayout(), { MasterAdminVault: new Secret(PASSPHRASE) })
    const everything = printed({
      bip39,
      slip,
      seed,
      derived,
      passphrase: new Secret(PASSPHRASE),
      shares: new Secret(shares),
    })
    assertNoSecret(everything, [MNEMONIC, ...shares, PASSPHRASE])
    assert.equal(String(bip39), 'SeedSource(bip39, [redacted])')
    assert.equal(JSON.stringify(slip), '"SeedSource(slip39, [redacted])"')
    assert.equal(inspect(seed), 'Secret([redacted])')
    // The seed's hex is secret too.
    assert.ok(!everything.includes(Buffer.from(seed.reveal()).toString('hex').slice(0, 16)))
  })

  it('wipe() zeroes the seed bytes and makes the source unusable', () => {
    const source = bip39SeedSource(MNEMONIC)
    const seed = source.seed('')
    const bytes = seed.reveal()
    seed.wipe()
    assert.deepEqual(bytes, new Uint8Array(64))
    source.wipe()
    assert.throws(() => source.seed(''), { name: 'SecretError', code: 'SECRET_WIPED' })
  })
})
