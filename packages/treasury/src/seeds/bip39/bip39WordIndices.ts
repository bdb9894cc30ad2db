import { TreasuryError } from '../../errors/TreasuryError.ts'

const indexCache = new WeakMap<readonly string[], Map<string, number>>()

function indexOf(wordlist: readonly string[]): Map<string, number> {
  let map = indexCache.get(wordlist)
  if (!map) {
    map = new Map(wordlist.map((word, i) => [word.normalize('NFKD'), i]))
    indexCache.set(wordlist, map)
  }
  return map
}

/**
 * The 11-bit index of each NFKD-normalized word. An unknown word is reported by its position only:
 * the word itself is part of a secret.
 */
export function bip39WordIndices(words: readonly string[], wordlist: readonly string[]): number[] {
  if (wordlist.length !== 2048) {
    throw new TreasuryError({
      code: 'SEED_INVALID',
      shortMessage: 'a BIP-39 wordlist has 2048 words',
      details: `got ${wordlist.length}`,
    })
  }
  const map = indexOf(wordlist)
  return words.map((word, position) => {
    const index = map.get(word)
    if (index === undefined) {
      throw new TreasuryError({
        code: 'BIP39_MNEMONIC_UNKNOWN_WORD',
        shortMessage: `mnemonic word ${position + 1} of ${words.length} is not in the wordlist`,
        details: 'check the spelling of that word; the word itself is not shown',
      })
    }
    return index
  })
}
