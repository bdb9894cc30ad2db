import { ChainopsError } from '@chainops/core'

declare module '@chainops/core' {
  interface ChainopsErrorCodes {
    dvtSsvRegistration: SsvRegistrationErrorCode
  }
}

/** Stable codes of {@link SsvRegistrationError}. */
export type SsvRegistrationErrorCode =
  /** The SSVNetwork ABI shipped by ssv-scanner lacks a function or event we use, or it has another selector. */
  | 'SSV_REGISTRATION_ABI'
  /** Operator ids that SSV refuses: not 4, 7, 10 or 13 of them, not positive uint64, not strictly ascending. */
  | 'SSV_REGISTRATION_OPERATOR_IDS'
  /** A keyshares file built for another owner nonce than the one the chain's logs give now. */
  | 'SSV_REGISTRATION_STALE_NONCE'
  /** A keyshares file that does not fit the registration: no shares, another owner, mixed clusters, bad lengths. */
  | 'SSV_REGISTRATION_KEYSHARES'
  /** An amount, fee or other argument out of range (negative, above uint256). */
  | 'SSV_REGISTRATION_INVALID_ARGUMENT'
  /** A registration, approval or operator transaction reverted or emitted not what it should. */
  | 'SSV_REGISTRATION_TRANSACTION_FAILED'

export type SsvRegistrationErrorParameters = {
  code: SsvRegistrationErrorCode
  shortMessage: string
  details?: string | undefined
  cause?: unknown
}

/** Every error of the SSV registration code. Never carries a secret (owner key, mnemonic). */
export class SsvRegistrationError extends ChainopsError<SsvRegistrationErrorCode> {
  override name = 'SsvRegistrationError'
  declare readonly code: SsvRegistrationErrorCode

  constructor(parameters: SsvRegistrationErrorParameters) {
    super(parameters)
  }
}
