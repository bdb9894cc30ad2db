import { english } from 'viem/accounts'

const REDACTED = '[redacted]'
const bip39 = new Set(english)
/** BIP-39 phrases have 12 to 24 words; a run of 12 list words is a phrase, not prose. */
const MIN_PHRASE_WORDS = 12
/** Key material written out: 32-byte hex keys (64 chars), hex or base64 macaroons, xprvs. */
const LONG_TOKEN = /[A-Za-z0-9+/=_-]{64,}/g
/** The shape of a BIP-39 or SLIP-39 phrase when the words are not checked against a list. */
const PHRASE_SHAPE = /\b[a-z]{3,8}(?: [a-z]{3,8}){11,}\b/g

export type ScrubTextOptions = {
  /**
   * Also redact anything that only looks like key material: any run of 64+ hex/base64 characters
   * (this hides transaction hashes too) and any 12+ short lowercase words. For text we did not
   * write, such as a foreign error's message.
   */
  aggressive?: boolean | undefined
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

/**
 * Redacts secrets written into free text: any run of 12 or more BIP-39 words becomes `[redacted]`.
 * With `aggressive`, also long hex/base64 tokens and mnemonic-shaped runs of words.
 */
export function scrubText(text: string, options: ScrubTextOptions = {}): string {
  let result = redactPhrases(text)
  if (options.aggressive) result = result.replace(LONG_TOKEN, REDACTED).replace(PHRASE_SHAPE, REDACTED)
  return result
}
