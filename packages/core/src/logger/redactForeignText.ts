import { scrubText } from './scrubText.ts'

/**
 * Redacts what may be key material from text chainops did not write (a foreign library's error
 * message, a daemon's output) before it is shown or kept: BIP-39 phrases, any run of 12 or more
 * short lowercase words (SLIP-39 shares), and any run of 64 or more hex or base64 characters
 * (private keys and macaroons, and transaction hashes with them). The logger applies the same rule
 * to the messages of foreign errors.
 */
export function redactForeignText(text: string): string {
  return scrubText(text, { aggressive: true })
}
