import type { Secret } from '@chainops/core'
import { sha256 } from '@noble/hashes/sha2.js'
import { wordlist as english } from '@scure/bip39/wordlists/english.js'
import { TreasuryError } from '../../errors/TreasuryError.ts'
import { revealText } from '../revealText.ts'
import { bip39WordIndices } from './bip39WordIndices.ts'

export type AssertBip39MnemonicOptions = {
  /** The 2048-word list the mnemonic uses; English unless given. */
  wordlist?: readonly string[] | undefined
}

export type AssertBip39MnemonicErrorType = TreasuryError

const LENGTHS = [12, 15, 18, 21, 24]

/**
 * Checks a BIP-39 mnemonic (length, words, checksum) and returns it in the form the seed hashes:
 * NFKD-normalized words joined by single spaces. Errors name the problem, never a word.
 */
export function assertBip39Mnemonic(
  mnemonic: string | Secret<string>,
  options: AssertBip39MnemonicOptions = {},
): string {
  const words = revealText(mnemonic, 'mnemonic').normalize('NFKD').trim().split(/\s+/u).filter(Boolean)
  if (!LENGTHS.includes(words.length)) {
    throw new TreasuryError({
      code: 'BIP39_MNEMONIC_LENGTH',
      shortMessage: `a BIP-39 mnemonic has 12, 15, 18, 21 or 24 words, this one has ${words.length}`,
    })
  }
  const indices = bip39WordIndices(words, options.wordlist ?? english)
  // 11 bits a word: the entropy, then entropy/32 checksum bits.
  const totalBits = words.length * 11
  const checksumBits = totalBits / 33
  const entropy = new Uint8Array(((totalBits - checksumBits) / 8) | 0)
  let checksum = 0
  for (let bit = 0; bit < totalBits; bit++) {
    const value = ((indices[(bit / 11) | 0] as number) >> (10 - (bit % 11))) & 1
    if (bit < entropy.length * 8) entropy[bit >> 3] = (entropy[bit >> 3] as number) | (value << (7 - (bit & 7)))
    else checksum = (checksum << 1) | value
  }
  const hash = sha256(entropy)
  const expected = (hash[0] as number) >> (8 - checksumBits)
  entropy.fill(0)
  hash.fill(0)
  indices.fill(0)
  if (checksum !== expected) {
    throw new TreasuryError({
      code: 'BIP39_MNEMONIC_CHECKSUM',
      shortMessage: 'mnemonic checksum does not match: a word is wrong or out of order',
    })
  }
  return words.join(' ')
}
