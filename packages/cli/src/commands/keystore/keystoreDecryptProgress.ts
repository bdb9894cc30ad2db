import type { Keystore } from '@chainops/dvt'

/**
 * The progress line printed before a keystore is decrypted (the KDF takes seconds at the deposit
 * CLI's parameters): the KDF and its cost, nothing of the password or the key.
 */
export function keystoreDecryptProgress(keystore: Keystore, label = 'keystore decrypt'): string {
  const { kdf } = keystore.crypto
  const cost = kdf.function === 'scrypt' ? `scrypt n=${kdf.params.n}` : `pbkdf2 c=${kdf.params.c}`
  return `${label}: deriving the key (${cost})…`
}
