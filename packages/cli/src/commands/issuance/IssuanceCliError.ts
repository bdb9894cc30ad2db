import { ChainopsError } from '@chainops/core'

declare module '@chainops/core' {
  interface ChainopsErrorCodes {
    cliIssuance: IssuanceCliErrorCode
  }
}

/** Stable codes of {@link IssuanceCliError}. */
export type IssuanceCliErrorCode =
  /** A file named on the command line cannot be read, or does not hold what the option takes (never echoed). */
  | 'CLI_FILE_UNREADABLE'
  | 'CLI_FILE_INVALID'
  /** A setting has no flag and no running devnet to take it from. */
  | 'CLI_SETTING_MISSING'
  /** The invoice API did not answer (`chainops serve` not running, or another URL). */
  | 'CLI_API_UNREACHABLE'
  /** The invoice API answered with an error (its code and message are carried over). */
  | 'CLI_API_ERROR'
  /** Waiting for an invoice's final state took longer than `--timeout-seconds`. */
  | 'CLI_TIMEOUT'

export type IssuanceCliErrorParameters = {
  code: IssuanceCliErrorCode
  shortMessage: string
  details?: string | undefined
}

/** Failures of the serve, invoice and demo commands that are not the SDK's own errors (exit 1). */
export class IssuanceCliError extends ChainopsError<IssuanceCliErrorCode> {
  override name = 'IssuanceCliError'
  declare readonly code: IssuanceCliErrorCode

  constructor(parameters: IssuanceCliErrorParameters) {
    super(parameters)
  }
}
