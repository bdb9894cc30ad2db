import { ChainopsError } from '@chainops/core'

declare module '@chainops/core' {
  interface ChainopsErrorCodes {
    cli: CliErrorCode
  }
}

/** Stable codes of {@link CliError}: what the `chainops` command raises itself (the SDK raises its own). */
export type CliErrorCode =
  /** Bad usage: an unknown or malformed flag, a missing argument. The only code that exits 2. */
  | 'CLI_USAGE'
  /** A file named on the command line cannot be read (missing, a directory, no permission) or written. */
  | 'CLI_FILE_UNREADABLE'
  /** An output file already exists and the command does not replace it (without `--force`). */
  | 'CLI_FILE_EXISTS'
  /** A file's content is not what the option takes (never echoed: it may hold a secret). */
  | 'CLI_FILE_INVALID'
  /** A node named by `--rpc` cannot be reached or used (no socket, refused, timed out). */
  | 'CLI_RPC_UNREACHABLE'
  /** An RPC call failed or answered with an error outside the SDK's own errors. */
  | 'CLI_CHAIN_CALL_FAILED'
  /** A Safe transaction file is for another chain than the RPC's. */
  | 'CLI_CHAIN_MISMATCH'
  /** The Safe v1.4.1 contracts are not (all) at their canonical addresses on this chain. */
  | 'CLI_SAFE_CONTRACTS_MISSING'
  /** A setting has no flag and no running devnet to take it from. */
  | 'CLI_SETTING_MISSING'
  /** The invoice API did not answer (`chainops serve` not running, or another URL). */
  | 'CLI_API_UNREACHABLE'
  /** The invoice API answered with an error (its code and message are carried over). */
  | 'CLI_API_ERROR'
  /** Waiting for an invoice's final state took longer than allowed. */
  | 'CLI_TIMEOUT'
  /** The local stack started without a part the command needs (geth, an lnd node, moto). */
  | 'CLI_STACK_INCOMPLETE'
  /** A hidden prompt (a password, a mnemonic) was interrupted with Ctrl-C: nothing was entered. */
  | 'CLI_PROMPT_INTERRUPTED'

export type CliErrorParameters = {
  code: CliErrorCode
  shortMessage: string
  details?: string | undefined
  metaMessages?: readonly string[] | undefined
  cause?: unknown
}

/**
 * Every failure the CLI raises outside the SDK. The process exit code follows from the code:
 * 2 for `CLI_USAGE` (bad usage, the command's help is printed), 1 for the rest.
 */
export class CliError extends ChainopsError<CliErrorCode> {
  override name = 'CliError'
  declare readonly code: CliErrorCode

  constructor(parameters: CliErrorParameters) {
    super(parameters)
  }

  /** 2 for bad usage, 1 for a failure. */
  get exitCode(): 1 | 2 {
    return this.code === 'CLI_USAGE' ? 2 : 1
  }
}
