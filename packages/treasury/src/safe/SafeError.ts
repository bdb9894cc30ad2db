import { ChainopsError } from '@chainops/core'

declare module '@chainops/core' {
  interface ChainopsErrorCodes {
    treasurySafe: SafeErrorCode
  }
}

/** Stable codes of {@link SafeError}. */
export type SafeErrorCode =
  /** The singleton factory's deployment data does not check out (signer, address or init code). */
  | 'SAFE_FACTORY_DATA_INVALID'
  /** No singleton factory (or another code) at 0x914d…43d7 on this chain. */
  | 'SAFE_FACTORY_MISSING'
  /** A Safe contract would land, or landed, somewhere other than its canonical v1.4.1 address. */
  | 'SAFE_ADDRESS_MISMATCH'
  /** The code at a canonical address is not the v1.4.1 code (its hash differs). */
  | 'SAFE_CODE_HASH_MISMATCH'
  /** A transaction the Safe tooling sent reverted or failed. */
  | 'SAFE_TRANSACTION_FAILED'
  /** Owners or threshold that cannot make a Safe (empty, repeated, threshold out of range). */
  | 'SAFE_INVALID_OWNERS'
  /** A signature from an account that is not an owner of the Safe. */
  | 'SAFE_SIGNER_NOT_OWNER'
  /** A signature that does not recover to the account that claims it (wrong key or passphrase). */
  | 'SAFE_SIGNATURE_MISMATCH'
  /** The Safe transaction hash computed here differs from the Safe contract's own. */
  | 'SAFE_TX_HASH_MISMATCH'
  /** Signatures gathered for different Safe transactions. */
  | 'SAFE_SIGNATURES_FOR_OTHER_TRANSACTION'
  /** Fewer owner signatures than the threshold; raised before anything is sent. */
  | 'SAFE_THRESHOLD_NOT_MET'
  /** A Safe transaction file that does not match its schema (or is not JSON). */
  | 'SAFE_TX_FILE_INVALID'
  /** A Safe transaction file whose `safeTxHash` is not the hash of its own fields (edited). */
  | 'SAFE_TX_FILE_HASH_MISMATCH'

export type SafeErrorParameters = {
  code: SafeErrorCode
  shortMessage: string
  details?: string | undefined
  cause?: unknown
}

/** Every error of the Safe vault code: deployment, owners, signatures and execution. */
export class SafeError extends ChainopsError<SafeErrorCode> {
  override name = 'SafeError'
  declare readonly code: SafeErrorCode

  constructor(parameters: SafeErrorParameters) {
    super(parameters)
  }
}
