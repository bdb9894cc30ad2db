import { ChainopsError, type ChainopsErrorParameters } from '@chainops/core'

declare module '@chainops/core' {
  interface ChainopsErrorCodes {
    treasury: TreasuryErrorCode
  }
}

/** Stable codes of every error the key-management half of @chainops/treasury throws. */
export type TreasuryErrorCode =
  | 'LAYOUT_INVALID'
  | 'LAYOUT_PATH_INVALID'
  | 'LAYOUT_PATH_OVERLAP'
  | 'LAYOUT_PATH_OUTSIDE'
  | 'LAYOUT_ROLE_DUPLICATE'
  | 'LAYOUT_TIER_UNKNOWN'
  | 'PASSPHRASE_TIER_UNKNOWN'
  | 'PASSPHRASE_INVALID'
  | 'BIP39_MNEMONIC_LENGTH'
  | 'BIP39_MNEMONIC_UNKNOWN_WORD'
  | 'BIP39_MNEMONIC_CHECKSUM'
  | 'SLIP39_SHARE_LENGTH'
  | 'SLIP39_SHARE_UNKNOWN_WORD'
  | 'SLIP39_SHARE_CHECKSUM'
  | 'SLIP39_SHARE_PADDING'
  | 'SLIP39_SHARE_INVALID'
  | 'SLIP39_SHARES_EMPTY'
  | 'SLIP39_SHARES_MISMATCH'
  | 'SLIP39_SHARES_INSUFFICIENT'
  | 'SLIP39_SHARES_DUPLICATE'
  | 'SLIP39_SHARES_EXCESS'
  | 'SLIP39_DIGEST_MISMATCH'
  | 'SLIP39_WORDLIST_INVALID'
  | 'SEED_INVALID'
  | 'SEED_WIPED'
  | 'TREZOR_CALL_FAILED'
  | 'TREZOR_ADDRESS_MISMATCH'
  | 'TREZOR_SIGNATURE_MISMATCH'
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
