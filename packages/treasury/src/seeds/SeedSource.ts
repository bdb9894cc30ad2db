import type { Secret } from '@chainops/core'

/**
 * One master seed, checked once, from which each tier's BIP-32 seed is made with that tier's
 * passphrase (a Trezor hidden wallet). It prints as `[redacted]`; `wipe()` zeroes what it holds.
 */
export type SeedSource = {
  readonly kind: 'bip39' | 'slip39'
  /** The BIP-32 seed for one passphrase ('' is the standard wallet). The caller wipes it. */
  seed(passphrase: string | Secret<string>): Secret<Uint8Array>
  wipe(): void
}
