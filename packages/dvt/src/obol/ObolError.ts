import { ChainopsError } from '@chainops/core'

declare module '@chainops/core' {
  interface ChainopsErrorCodes {
    dvtObol: ObolErrorCode
  }
}

/** Stable codes of {@link ObolError}. */
export type ObolErrorCode =
  /** Not a cluster definition or lock: not JSON, a field missing or of the wrong type, bad hex, a wrong length (the field is named). */
  | 'OBOL_BAD_SHAPE'
  /** A definition or lock version other than v1.7.0 to v1.11.0. */
  | 'OBOL_UNSUPPORTED_VERSION'
  /** A fork version with no known chain id (the EIP-712 domain needs one). */
  | 'OBOL_UNKNOWN_NETWORK'
  /** `config_hash`, `definition_hash` or `lock_hash` is not the hash charon computes for the content. */
  | 'OBOL_HASH_MISMATCH'
  /** A signature that does not verify: creator, operator config or ENR, node, aggregate, deposit or builder registration (named). */
  | 'OBOL_BAD_SIGNATURE'
  /** A definition or lock that is inconsistent: counts that do not match, a threshold out of range, duplicate keys. */
  | 'OBOL_INCONSISTENT'
  /** A bad parameter to createDefinition or signDefinition (an address, a count, a signer not in the definition). */
  | 'OBOL_INVALID_INPUT'

export type ObolErrorParameters = {
  code: ObolErrorCode
  shortMessage: string
  details?: string | undefined
  cause?: unknown
}

/** Every error of the Obol cluster definition and lock code. */
export class ObolError extends ChainopsError<ObolErrorCode> {
  override name = 'ObolError'
  declare readonly code: ObolErrorCode

  constructor(parameters: ObolErrorParameters) {
    super(parameters)
  }
}
