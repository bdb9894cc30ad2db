import { pbkdf2Sync } from 'node:crypto'
import { Secret } from '@chainops/core'
import { TreasuryError } from '../../errors/TreasuryError.ts'
import type { Slip39EncryptedMasterSecret } from './Slip39EncryptedMasterSecret.ts'

const BASE_ITERATIONS = 10_000
const ROUNDS = 4

/**
 * Decrypts the master secret with the passphrase: SLIP-39's 4-round Feistel network whose round
 * function is PBKDF2-HMAC-SHA256(round byte + passphrase, salt + right half). Any passphrase gives
 * a master secret: a wrong one gives another (hidden) wallet, by design.
 */
export function decryptSlip39MasterSecret(
  encrypted: Slip39EncryptedMasterSecret,
  passphrase: Uint8Array,
): Secret<Uint8Array> {
  const ciphertext = encrypted.ciphertext.reveal()
  if (ciphertext.length % 2 !== 0 || ciphertext.length < 16) {
    throw new TreasuryError({ code: 'SEED_INVALID', shortMessage: 'encrypted master secret has an invalid length' })
  }
  const half = ciphertext.length / 2
  // Non-extendable backups salt with "shamir" + the 15-bit identifier; extendable ones do not salt.
  const salt = encrypted.extendable
    ? new Uint8Array(0)
    : Uint8Array.of(...new TextEncoder().encode('shamir'), encrypted.identifier >> 8, encrypted.identifier & 0xff)
  const iterations = (BASE_ITERATIONS << encrypted.iterationExponent) / ROUNDS
  let left = ciphertext.slice(0, half)
  let right = ciphertext.slice(half)
  const password = new Uint8Array(1 + passphrase.length)
  password.set(passphrase, 1)
  const saltedRight = new Uint8Array(salt.length + half)
  saltedRight.set(salt)
  for (let round = ROUNDS - 1; round >= 0; round--) {
    password[0] = round
    saltedRight.set(right, salt.length)
    const f = pbkdf2Sync(password, saltedRight, iterations, half, 'sha256')
    const next = new Uint8Array(half)
    for (let i = 0; i < half; i++) next[i] = (left[i] as number) ^ (f[i] as number)
    f.fill(0)
    left.fill(0)
    left = right
    right = next
  }
  const master = new Uint8Array(ciphertext.length)
  master.set(right)
  master.set(left, half)
  left.fill(0)
  right.fill(0)
  password.fill(0)
  saltedRight.fill(0)
  return new Secret(master)
}
