import type { Secret } from '@chainops/core'
import { slip39SeedSource } from './slip39SeedSource.ts'

/** The SLIP-39 master secret of `shares` under `passphrase` (python-shamir-mnemonic's `combine_mnemonics`). */
export function slip39MasterSecret(
  shares: readonly string[] | Secret<readonly string[]>,
  passphrase: string | Secret<string> = '',
): Secret<Uint8Array> {
  const source = slip39SeedSource(shares)
  try {
    return source.seed(passphrase)
  } finally {
    source.wipe()
  }
}
