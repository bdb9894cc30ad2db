import type { Secret } from '@chainops/core'
import { revealText } from './revealText.ts'

/**
 * A passphrase as the bytes Trezor hashes: NFKD-normalized (BIP-39 asks for it; for SLIP-39's
 * printable-ASCII passphrases it changes nothing) and UTF-8 encoded. The caller wipes the result.
 */
export function encodePassphrase(passphrase: string | Secret<string>): Uint8Array {
  return new TextEncoder().encode(revealText(passphrase, 'passphrase').normalize('NFKD'))
}
