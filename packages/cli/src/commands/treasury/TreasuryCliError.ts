import { ChainopsError } from '@chainops/core'

declare module '@chainops/core' {
  interface ChainopsErrorCodes {
    cliTreasury: TreasuryCliErrorCode
  }
}

/** Stable codes of {@link TreasuryCliError}. */
export type TreasuryCliErrorCode =
  /** A file named on the command line cannot be read (missing, a directory, no permission). */
  | 'CLI_FILE_UNREADABLE'
  /** An output file already exists (a Safe transaction file is never overwritten by `propose`). */
  | 'CLI_FILE_EXISTS'
  /** A file's content is not what the option takes (never echoed: it may hold a secret). */
  | 'CLI_FILE_INVALID'
  /** The RPC endpoint failed or answered with an error outside the SDK's own errors. */
  | 'CLI_CHAIN_CALL_FAILED'
  /** The Safe v1.4.1 contracts are not (all) at their canonical addresses on this chain. */
  | 'CLI_SAFE_CONTRACTS_MISSING'
  /** A Safe transaction file is for another chain than the RPC's. */
  | 'CLI_CHAIN_MISMATCH'
  /** No split (or no SplitUpdated event) at the address given. */
  | 'CLI_SPLIT_NOT_FOUND'

export type TreasuryCliErrorParameters = {
  code: TreasuryCliErrorCode
  shortMessage: string
  details?: string | undefined
  metaMessages?: readonly string[] | undefined
}

/** Failures of the treasury, safe and splits commands that are not the SDK's own errors (exit 1). */
export class TreasuryCliError extends ChainopsError<TreasuryCliErrorCode> {
  override name = 'TreasuryCliError'
  declare readonly code: TreasuryCliErrorCode

  constructor(parameters: TreasuryCliErrorParameters) {
    super(parameters)
  }
}
