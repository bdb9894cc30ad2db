import { pbkdf2Sync } from 'node:crypto'
import { Secret } from '@chainops/core'
import { encodePassphrase } from '../encodePassphrase.ts'

/** PBKDF2 of an already checked, normalized mnemonic; shared with `bip39SeedSource`. */
export function bip39Seed(normalizedMnemonic: Uint8Array, passphrase: string | Secret<string>): Secret<Uint8Array> {
  const passphraseBytes = encodePassphrase(passphrase)
  const salt = new Uint8Array(8 + passphraseBytes.length)
  salt.set(new TextEncoder().encode('mnemonic'))
  salt.set(passphraseBytes, 8)
  const derived = pbkdf2Sync(normalizedMnemonic, salt, 2048, 64, 'sha512')
  const seed = new Uint8Array(derived)
  derived.fill(0)
  salt.fill(0)
  passphraseBytes.fill(0)
  return new Secret(seed)
}
