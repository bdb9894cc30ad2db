import { ChainopsError } from '@chainops/core'

declare module '@chainops/core' {
  interface ChainopsErrorCodes {
    cliClique: CliqueCommandErrorCode
  }
}

/** Codes the genesis, plan, geth and clique commands raise themselves (the SDK raises CliqueError). */
export type CliqueCommandErrorCode = 'CLI_FILE_UNREADABLE' | 'CLI_FILE_EXISTS' | 'CLI_RPC_UNREACHABLE'

/** A failure of a clique command outside the SDK: a file it cannot read or write, an endpoint it cannot reach. Exits 1. */
export class CliqueCommandError extends ChainopsError<CliqueCommandErrorCode> {
  override name = 'CliqueCommandError'
  declare readonly code: CliqueCommandErrorCode
  constructor(parameters: { code: CliqueCommandErrorCode; shortMessage: string; details?: string; cause?: unknown }) {
    super(parameters)
  }
}
