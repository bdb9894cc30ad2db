import { wordlist as english } from '@scure/bip39/wordlists/english.js'

const REDACTED = '[redacted]'
const bip39 = new Set(english)
/** BIP-39 phrases have 12 to 24 words; a run of 12 list words is a phrase, not prose. */
const MIN_PHRASE_WORDS = 12
/** Key material written out: 32-byte hex keys (64 chars), hex or base64 macaroons, xprvs. */
const LONG_TOKEN = /[A-Za-z0-9+/=_-]{64,}/g
/** The shape of a BIP-39 or SLIP-39 phrase when the words are not checked against a list. */
const PHRASE_SHAPE = /\b[a-z]{3,8}(?: [a-z]{3,8}){11,}\b/g
/**
 * 32 bytes or more written as hex, with or without `0x`, standing alone: a private key, a seed, a
 * hex macaroon, or a hash (a 40-hex address is shorter and stays).
 */
const HEX_RUN = /(?<![0-9A-Za-z])(?:0[xX])?[0-9a-fA-F]{64,}(?![0-9A-Za-z])/g
/** A BIP-32 extended private key in Base58Check (`xprv...`, `tprv...`, SLIP-132's `yprv`/`zprv`...). */
const EXTENDED_PRIVATE_KEY = /\b[tuvxyzTUVYZ]prv[1-9A-HJ-NP-Za-km-z]{100,}\b/g
/**
 * The words that say the hex after them is a hash: `tx 0x...`, `transaction 0x...`, `block 0x...`,
 * `paymentHash=...`, `hash: "0x..."`. Only the separators between the word and the hex may come
 * between them.
 */
const HASH_LABEL = /(?:hash|hashes|\b(?:txid|tx|transaction|block|root))[\s:="'`(]{0,3}$/i

export type ScrubTextOptions = {
  /**
   * Also redact anything that only looks like key material: any run of 64+ hex/base64 characters
   * (this hides transaction hashes too) and any 12+ short lowercase words. For text we did not
   * write, such as a foreign error's message.
   */
  aggressive?: boolean | undefined
  /** The text is the value of a hash or id field (see `isHashKey`): its hex runs are hashes, kept. */
  hashField?: boolean | undefined
}

function redactPhrases(text: string): string {
  // words are letters and digits; anything else separates them, so `seed=legal winner ...` and
  // `legal,winner,...` are caught too
  const tokens = text.split(/([^A-Za-z0-9]+)/)
  // tokens alternate word, separator, word...; find runs of list words
  let runStart = -1
  let runWords = 0
  const out = [...tokens]
  const flush = (end: number) => {
    if (runWords >= MIN_PHRASE_WORDS) {
      out[runStart] = REDACTED
      for (let i = runStart + 1; i < end; i++) out[i] = ''
    }
    runStart = -1
    runWords = 0
  }
  for (let i = 0; i < tokens.length; i += 2) {
    const word = tokens[i] ?? ''
    if (bip39.has(word.toLowerCase())) {
      if (runStart === -1) runStart = i
      runWords++
    } else flush(i - 1)
  }
  flush(tokens.length)
  return out.join('')
}

/** Redacts 32+ byte hex runs but those a hash label introduces (`tx 0x...`, `blockHash=...`). */
function redactHexKeys(text: string): string {
  return text.replace(HEX_RUN, (run, offset: number) =>
    HASH_LABEL.test(text.slice(Math.max(0, offset - 32), offset)) ? run : REDACTED,
  )
}

/**
 * Redacts secrets written into free text by their shape: any run of 12 or more BIP-39 words, any
 * extended private key (`xprv...`), and any run of 64 or more hex characters (a private key or a seed, with or without `0x`) unless a
 * hash label comes right before it (`tx`, `transaction`, `block`, `root`, `txid`, or a word ending
 * in `hash`) or the text is a hash field's value (`hashField`). With `aggressive`, also every long
 * hex/base64 token, hashes included, and mnemonic-shaped runs of words.
 */
export function scrubText(text: string, options: ScrubTextOptions = {}): string {
  let result = redactPhrases(text)
  if (options.aggressive) return result.replace(LONG_TOKEN, REDACTED).replace(PHRASE_SHAPE, REDACTED)
  result = result.replace(EXTENDED_PRIVATE_KEY, REDACTED)
  if (!options.hashField) result = redactHexKeys(result)
  return result
}
