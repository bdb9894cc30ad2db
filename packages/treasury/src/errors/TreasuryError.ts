import { ChainopsError, type ChainopsErrorParameters } from '@chainops/core'

declare module '@chainops/core' {
  interface ChainopsErrorCodes {
    treasury: TreasuryErrorCode
  }
}

/** Stable codes of every error the key-management half of @chainops/treasury throws. */
export type TreasuryErrorCode =
  /** A layout spec that is not JSON or does not match its schema (the issues name the fields). */
  | 'LAYOUT_INVALID'
  /** A derivation path that is not `m/` followed by 31-bit indices (`'` or `h` for hardened). */
  | 'LAYOUT_PATH_INVALID'
  /** Two roles of one tier at the same path: they would share a key. */
  | 'LAYOUT_PATH_OVERLAP'
  /** A path the tier does not name: nothing outside the layout is derived or signed with. */
  | 'LAYOUT_PATH_OUTSIDE'
  /** Two roles of one tier under the same name. */
  | 'LAYOUT_ROLE_DUPLICATE'
  /** A tier the layout does not have. */
  | 'LAYOUT_TIER_UNKNOWN'
  /** A passphrase given for a tier the layout does not have (a misspelt tier would derive silently). */
  | 'PASSPHRASE_TIER_UNKNOWN'
  /** A BIP-39 mnemonic of other than 12, 15, 18, 21 or 24 words. */
  | 'BIP39_MNEMONIC_LENGTH'
  /** A mnemonic word not in the wordlist (its position is named, never the word). */
  | 'BIP39_MNEMONIC_UNKNOWN_WORD'
  /** A mnemonic whose checksum does not match: a word is wrong or out of order. */
  | 'BIP39_MNEMONIC_CHECKSUM'
  /** A SLIP-39 share too short, or of a length that cannot hold a whole master secret. */
  | 'SLIP39_SHARE_LENGTH'
  /** A share word not in the SLIP-39 wordlist. */
  | 'SLIP39_SHARE_UNKNOWN_WORD'
  /** A share whose RS1024 checksum does not match. */
  | 'SLIP39_SHARE_CHECKSUM'
  /** A share whose padding bits are not zero. */
  | 'SLIP39_SHARE_PADDING'
  /** A share whose parameters contradict each other (group threshold above group count). */
  | 'SLIP39_SHARE_INVALID'
  /** No shares at all. */
  | 'SLIP39_SHARES_EMPTY'
  /** Shares of different backups, or that disagree on a threshold or a secret length. */
  | 'SLIP39_SHARES_MISMATCH'
  /** Fewer groups, or fewer members of a group, than the thresholds need. */
  | 'SLIP39_SHARES_INSUFFICIENT'
  /** Two different shares with the same member index. */
  | 'SLIP39_SHARES_DUPLICATE'
  /** More groups, or more members of a group, than the thresholds take. */
  | 'SLIP39_SHARES_EXCESS'
  /** The shares recover a secret whose digest does not check out. */
  | 'SLIP39_DIGEST_MISMATCH'
  /** The `slip39` package's wordlist is not 1024 words each known by four letters. */
  | 'SLIP39_WORDLIST_INVALID'
  /** Seed input of the wrong type, a wordlist not of 2048 words, or an encrypted secret of a bad length. */
  | 'SEED_INVALID'
  /** A TrezorConnect call answered `success: false` (the user cancelled, the device is locked...). */
  | 'TREZOR_CALL_FAILED'
  /** The passphrase callback threw or rejected: the call waiting for it was cancelled (see cause). */
  | 'TREZOR_PASSPHRASE_FAILED'
  /** A device signature that does not recover to the address the device reports for the path. */
  | 'TREZOR_SIGNATURE_MISMATCH'
  /** A transaction for the device without chainId, nonce or gas. */
  | 'TREZOR_TRANSACTION_INVALID'

export type TreasuryErrorParameters = Omit<ChainopsErrorParameters, 'code'> & { code: TreasuryErrorCode }

/**
 * Every key-management error of @chainops/treasury. Messages name the problem (a word's position,
 * a share's number, a tier's name) and never carry a mnemonic, a share, a word or a passphrase.
 */
export class TreasuryError extends ChainopsError<TreasuryErrorCode> {
  override name = 'TreasuryError'
  declare readonly code: TreasuryErrorCode

  constructor(parameters: TreasuryErrorParameters) {
    super(parameters)
  }
}
