import type { Secret } from '@chainops/core'
import { type AssertBip39MnemonicOptions, mnemonicToSeed, type TreasuryError } from '@chainops/treasury'
import { blsPublicKey } from './blsPublicKey.ts'
import { deriveChildSK } from './deriveChildSK.ts'
import { deriveMasterSK } from './deriveMasterSK.ts'
import { KeysError } from './KeysError.ts'
import { signingKeyPath } from './signingKeyPath.ts'
import type { ValidatorKeys } from './ValidatorKeys.ts'
import { withdrawalKeyPath } from './withdrawalKeyPath.ts'

export type DeriveValidatorKeysParameters = {
  /** A BIP-39 mnemonic (checked: length, words, checksum; errors never name a word). */
  mnemonic: string | Secret<string>
  /** The BIP-39 passphrase ("mnemonic password" in the deposit CLI); empty unless given. */
  passphrase?: string | Secret<string> | undefined
  /** The word list; English unless given. */
  wordlist?: AssertBip39MnemonicOptions['wordlist']
} & ({ index: number; indices?: undefined } | { indices: readonly number[]; index?: undefined })

export type DeriveValidatorKeysReturnType = ValidatorKeys[]

export type DeriveValidatorKeysErrorType = KeysError | TreasuryError

function assertIndices(parameters: DeriveValidatorKeysParameters): readonly number[] {
  const { index, indices } = parameters as { index?: unknown; indices?: unknown }
  if ((index === undefined) === (indices === undefined)) {
    throw new KeysError({
      code: 'KEYS_INDICES_INVALID',
      shortMessage: 'give either index or indices, not both and not neither',
    })
  }
  const list = index === undefined ? indices : [index]
  if (!Array.isArray(list) || list.length === 0) {
    throw new KeysError({
      code: 'KEYS_INDICES_INVALID',
      shortMessage: 'indices is a non-empty array of validator indices',
    })
  }
  const seen = new Set<number>()
  for (const [position, value] of list.entries()) {
    if (!Number.isSafeInteger(value) || value < 0 || value > 0xffffffff) {
      throw new KeysError({
        code: 'KEYS_INDICES_INVALID',
        shortMessage: 'a validator index is an integer in [0, 2^32)',
        details: `${index === undefined ? `indices[${position}]` : 'index'} is ${typeof value === 'number' ? value : typeof value}`,
      })
    }
    if (seen.has(value)) {
      throw new KeysError({
        code: 'KEYS_INDICES_INVALID',
        shortMessage: 'a validator index is given twice',
        details: `indices[${position}] repeats ${value}`,
      })
    }
    seen.add(value)
  }
  return list as number[]
}

/**
 * The validator keys of a BIP-39 mnemonic at EIP-2334 paths, as the official deposit CLI derives
 * them: the BIP-39 seed (treasury's checks and PBKDF2), the EIP-2333 master key, then
 * `m/12381/3600/<index>/0` (withdrawal) and `.../0` under it (signing). The seed, the master key and
 * every intermediate key are wiped before this returns; the caller wipes the returned secrets.
 */
export function deriveValidatorKeys(parameters: DeriveValidatorKeysParameters): DeriveValidatorKeysReturnType {
  const indices = assertIndices(parameters)
  const seed = mnemonicToSeed(parameters.mnemonic, parameters.passphrase ?? '', {
    wordlist: parameters.wordlist,
  })
  const master = deriveMasterSK(seed)
  seed.wipe()
  const purpose = deriveChildSK(master, 12381)
  master.wipe()
  const coinType = deriveChildSK(purpose, 3600)
  purpose.wipe()
  const keys: ValidatorKeys[] = []
  try {
    for (const index of indices) {
      const account = deriveChildSK(coinType, index)
      const withdrawalKey = deriveChildSK(account, 0)
      account.wipe()
      const signingKey = deriveChildSK(withdrawalKey, 0)
      keys.push({
        index,
        signingPath: signingKeyPath(index),
        withdrawalPath: withdrawalKeyPath(index),
        signingKey,
        withdrawalKey,
        publicKey: blsPublicKey(signingKey),
        withdrawalPublicKey: blsPublicKey(withdrawalKey),
      })
    }
    return keys
  } catch (error) {
    for (const key of keys) {
      key.signingKey.wipe()
      key.withdrawalKey.wipe()
    }
    throw error
  } finally {
    coinType.wipe()
  }
}
