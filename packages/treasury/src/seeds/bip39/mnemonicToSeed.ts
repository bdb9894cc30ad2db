import type { Secret } from '@chainops/core'
import { type AssertBip39MnemonicOptions, assertBip39Mnemonic } from './assertBip39Mnemonic.ts'
import { bip39Seed } from './bip39Seed.ts'

export type MnemonicToSeedOptions = AssertBip39MnemonicOptions

/**
 * The 64-byte BIP-39 seed: PBKDF2-HMAC-SHA512, 2048 rounds, of the NFKD mnemonic with the salt
 * `"mnemonic" + NFKD(passphrase)`. The mnemonic is checked first (length, words, checksum).
 */
export function mnemonicToSeed(
  mnemonic: string | Secret<string>,
  passphrase: string | Secret<string> = '',
  options: MnemonicToSeedOptions = {},
): Secret<Uint8Array> {
  const password = new TextEncoder().encode(assertBip39Mnemonic(mnemonic, options))
  try {
    return bip39Seed(password, passphrase)
  } finally {
    password.fill(0)
  }
}
