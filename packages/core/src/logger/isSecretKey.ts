/**
 * Fragments that mark a field name as secret. Names are compared lowercased with everything but
 * letters and digits removed, so `privateKey`, `private_key`, `PRIVATE-KEY` and `x-api-key` all match.
 */
const FRAGMENTS = [
  'password',
  'passwd',
  'passphrase',
  'mnemonic',
  'privatekey',
  'privkey',
  'macaroon',
  'seed',
  'secret',
  'apikey',
  'authorization',
] as const

/** True when a field named `key` must never be logged, whatever its value (`masterSeed`, `db_password`). */
export function isSecretKey(key: string): boolean {
  const normalized = key.toLowerCase().replace(/[^a-z0-9]/g, '')
  return FRAGMENTS.some((fragment) => normalized.includes(fragment))
}
