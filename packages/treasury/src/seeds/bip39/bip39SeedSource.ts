import { Secret } from '@chainops/core'
import { redactedSeedSource } from '../redactedSeedSource.ts'
import type { SeedSource } from '../SeedSource.ts'
import { type AssertBip39MnemonicOptions, assertBip39Mnemonic } from './assertBip39Mnemonic.ts'
import { bip39Seed } from './bip39Seed.ts'

/**
 * A BIP-39 mnemonic as a seed source. The mnemonic is checked now (typed errors, no words in
 * them) and kept only as NFKD bytes inside a `Secret`; each `seed(passphrase)` runs PBKDF2.
 */
export function bip39SeedSource(
  mnemonic: string | Secret<string>,
  options: AssertBip39MnemonicOptions = {},
): SeedSource {
  const normalized = new Secret(new TextEncoder().encode(assertBip39Mnemonic(mnemonic, options)))
  return redactedSeedSource(
    'bip39',
    (passphrase) => bip39Seed(normalized.reveal(), passphrase),
    () => normalized.wipe(),
  )
}
