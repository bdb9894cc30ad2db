import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { mnemonicToSeed, slip39MasterSecret, type TreasuryErrorCode } from '@chainops/treasury'
import { HDKey } from '@scure/bip32'
import { wordlist as czech } from '@scure/bip39/wordlists/czech.js'
import { wordlist as english } from '@scure/bip39/wordlists/english.js'
import { wordlist as french } from '@scure/bip39/wordlists/french.js'
import { wordlist as italian } from '@scure/bip39/wordlists/italian.js'
import { wordlist as japanese } from '@scure/bip39/wordlists/japanese.js'
import { wordlist as korean } from '@scure/bip39/wordlists/korean.js'
import { wordlist as portuguese } from '@scure/bip39/wordlists/portuguese.js'
import { wordlist as simplifiedChinese } from '@scure/bip39/wordlists/simplified-chinese.js'
import { wordlist as spanish } from '@scure/bip39/wordlists/spanish.js'
import { wordlist as traditionalChinese } from '@scure/bip39/wordlists/traditional-chinese.js'

// Known answers are read from ../shared/vectors beside the repository (its README names each source).
const vectorsDirectory = new URL('../../../../shared/vectors/', import.meta.url)
const vectors = (name: string): string => readFileSync(new URL(name, vectorsDirectory), 'utf8')
const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex')
const fileWordlist = (name: string): string[] => vectors(`bip39/wordlist/${name}.txt`).split('\n').filter(Boolean)

describe('BIP-39 vectors (trezor/python-mnemonic vectors.json, passphrase "TREZOR")', () => {
  const bip39 = JSON.parse(vectors('bip39/vectors.json')) as Record<string, [string, string, string, string][]>
  const wordlists: Record<string, readonly string[]> = {
    english,
    chinese_simplified: simplifiedChinese,
    chinese_traditional: traditionalChinese,
    czech,
    french,
    italian,
    japanese,
    korean,
    portuguese,
    spanish,
    russian: fileWordlist('russian'),
    turkish: fileWordlist('turkish'),
  }

  it('covers every language of the vector file', () => {
    assert.deepEqual(Object.keys(bip39).sort(), Object.keys(wordlists).sort())
  })

  for (const [language, cases] of Object.entries(bip39)) {
    it(`${language}: ${cases.length} mnemonics give the published seed and BIP-32 root xprv`, () => {
      for (const [, mnemonic, seedHex, xprv] of cases) {
        const seed = mnemonicToSeed(mnemonic, 'TREZOR', { wordlist: wordlists[language] })
        assert.equal(hex(seed.reveal()), seedHex)
        assert.equal(HDKey.fromMasterSeed(seed.reveal()).privateExtendedKey, xprv)
        seed.wipe()
        assert.equal(seed.wiped, true)
      }
    })
  }
})

describe('SLIP-39 vectors (trezor/python-shamir-mnemonic vectors.json, passphrase "TREZOR")', () => {
  const slip39 = JSON.parse(vectors('slip39/vectors.json')) as [string, string[], string, string][]
  // The reason each invalid vector must be refused for, by vector number.
  const expectedCodes: Record<number, TreasuryErrorCode> = {
    2: 'SLIP39_SHARE_CHECKSUM',
    3: 'SLIP39_SHARE_PADDING',
    5: 'SLIP39_SHARES_INSUFFICIENT',
    6: 'SLIP39_SHARES_MISMATCH',
    7: 'SLIP39_SHARES_MISMATCH',
    8: 'SLIP39_SHARES_MISMATCH',
    9: 'SLIP39_SHARES_MISMATCH',
    10: 'SLIP39_SHARE_INVALID',
    11: 'SLIP39_SHARES_DUPLICATE',
    12: 'SLIP39_SHARES_MISMATCH',
    13: 'SLIP39_DIGEST_MISMATCH',
    14: 'SLIP39_SHARES_INSUFFICIENT',
    15: 'SLIP39_SHARES_INSUFFICIENT',
    16: 'SLIP39_SHARES_INSUFFICIENT',
    21: 'SLIP39_SHARE_CHECKSUM',
    22: 'SLIP39_SHARE_PADDING',
    24: 'SLIP39_SHARES_INSUFFICIENT',
    25: 'SLIP39_SHARES_MISMATCH',
    26: 'SLIP39_SHARES_MISMATCH',
    27: 'SLIP39_SHARES_MISMATCH',
    28: 'SLIP39_SHARES_MISMATCH',
    29: 'SLIP39_SHARE_INVALID',
    30: 'SLIP39_SHARES_DUPLICATE',
    31: 'SLIP39_SHARES_MISMATCH',
    32: 'SLIP39_DIGEST_MISMATCH',
    33: 'SLIP39_SHARES_INSUFFICIENT',
    34: 'SLIP39_SHARES_INSUFFICIENT',
    35: 'SLIP39_SHARES_INSUFFICIENT',
    39: 'SLIP39_SHARE_LENGTH',
    40: 'SLIP39_SHARE_LENGTH',
  }

  it('has 45 vectors, 30 of them invalid', () => {
    assert.equal(slip39.length, 45)
    assert.equal(slip39.filter(([, , secret]) => secret === '').length, Object.keys(expectedCodes).length)
  })

  for (const [description, mnemonics, secretHex, xprv] of slip39) {
    const number = Number(description.split('.')[0])
    if (secretHex) {
      it(`${description}: recovers the master secret and its xprv`, () => {
        const secret = slip39MasterSecret(mnemonics, 'TREZOR')
        assert.equal(hex(secret.reveal()), secretHex)
        assert.equal(HDKey.fromMasterSeed(secret.reveal()).privateExtendedKey, xprv)
      })
    } else {
      it(`${description}: is refused with ${expectedCodes[number]}`, () => {
        assert.throws(
          () => slip39MasterSecret(mnemonics, 'TREZOR'),
          (error: Error & { code?: string }) => {
            assert.equal(error.code, expectedCodes[number])
            for (const mnemonic of mnemonics)
              for (const word of mnemonic.split(' ')) assert.ok(!error.message.includes(` ${word} `))
            return true
          },
        )
      })
    }
  }
})
