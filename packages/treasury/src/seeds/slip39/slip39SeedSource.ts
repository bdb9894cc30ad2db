import type { Secret } from '@chainops/core'
import { encodePassphrase } from '../encodePassphrase.ts'
import { redactedSeedSource } from '../redactedSeedSource.ts'
import type { SeedSource } from '../SeedSource.ts'
import { combineSlip39Shares } from './combineSlip39Shares.ts'
import { decryptSlip39MasterSecret } from './decryptSlip39MasterSecret.ts'

/**
 * SLIP-39 shares (the source's single 20-word share, or member shares of enough groups) as a seed
 * source. The shares are combined now; each `seed(passphrase)` decrypts the master secret, which
 * Trezor uses directly as the BIP-32 seed.
 */
export function slip39SeedSource(shares: readonly string[] | Secret<readonly string[]>): SeedSource {
  const encrypted = combineSlip39Shares(shares)
  return redactedSeedSource(
    'slip39',
    (passphrase) => {
      const bytes = encodePassphrase(passphrase)
      try {
        return decryptSlip39MasterSecret(encrypted, bytes)
      } finally {
        bytes.fill(0)
      }
    },
    () => encrypted.ciphertext.wipe(),
  )
}
