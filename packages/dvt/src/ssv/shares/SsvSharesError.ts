import { ChainopsError } from '@chainops/core'

declare module '@chainops/core' {
  interface ChainopsErrorCodes {
    dvtSsvShares: SsvSharesErrorCode
  }
}

/** Stable codes of {@link SsvSharesError}. */
export type SsvSharesErrorCode =
  /** An operator count SSV does not run (only 4, 7, 10 and 13, the 3f+1 cluster sizes). */
  | 'SSV_SHARES_OPERATOR_COUNT'
  /** The same operator id twice (in the input, or in a keyshares file). */
  | 'SSV_SHARES_DUPLICATE_OPERATOR'
  /** An operator id that is not a positive safe integer. */
  | 'SSV_SHARES_OPERATOR_ID'
  /** An operator key that is not the base64 of an RSA-2048 public key PEM. */
  | 'SSV_SHARES_OPERATOR_KEY'
  /** A validator secret that is not a BLS12-381 secret key (32 bytes, 0 < k < r). */
  | 'SSV_SHARES_VALIDATOR_KEY'
  /** Shares that do not reconstruct a key (too few, repeated ids, out of range). */
  | 'SSV_SHARES_RECONSTRUCT'
  /** An owner address or nonce that is not valid. */
  | 'SSV_SHARES_OWNER'
  /** A keyshares file that is not in the ssv-keys v1.1.0 format. */
  | 'SSV_SHARES_FILE_FORMAT'
  /** A keyshares file that parses but fails a check (signature, share count, ids, nonces, decryption). */
  | 'SSV_SHARES_INVALID'
  /** An operator private key that cannot decrypt (not a PEM RSA private key, or the wrong one). */
  | 'SSV_SHARES_OPERATOR_PRIVATE_KEY'

export type SsvSharesErrorParameters = {
  code: SsvSharesErrorCode
  shortMessage: string
  details?: string | undefined
  cause?: unknown
}

/** Every error of the SSV key shares code. Never carries a secret (validator key, share, password). */
export class SsvSharesError extends ChainopsError<SsvSharesErrorCode> {
  override name = 'SsvSharesError'
  declare readonly code: SsvSharesErrorCode

  constructor(parameters: SsvSharesErrorParameters) {
    super(parameters)
  }
}
