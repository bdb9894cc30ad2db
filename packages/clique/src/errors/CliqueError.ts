import { ChainopsError, type ChainopsErrorParameters } from '@chainops/core'

declare module '@chainops/core' {
  interface ChainopsErrorCodes {
    clique: CliqueErrorCode
  }
}

/** Stable codes of every error @chainops/clique throws; callers switch on them. */
export type CliqueErrorCode =
  | 'QUANTITY_INVALID'
  | 'QUANTITY_EMPTY'
  | 'QUANTITY_NEGATIVE'
  | 'QUANTITY_TOO_LARGE'
  | 'EXTRA_DATA_INVALID_HEX'
  | 'EXTRA_DATA_LENGTH'
  | 'SIGNERS_UNSORTED'
  | 'DUPLICATE_SIGNER'
  | 'SIGNER_INVALID'
  | 'VANITY_INVALID'
  | 'GENESIS_INVALID'
  | 'GENESIS_FORK_UNSUPPORTED'
  | 'PLAN_INVALID'
  | 'CONFIG_INVALID'
  | 'SEAL_INVALID'
  | 'RPC_FAILED'

export type CliqueErrorParameters = Omit<ChainopsErrorParameters, 'code'> & {
  code: CliqueErrorCode
  /** Where in the input the problem is, as a JSON path such as `alloc.0x96…7a.balance`. */
  path?: string | undefined
}

/** Every error of @chainops/clique: a `ChainopsError` with a Clique code and, for input errors, the JSON path. */
export class CliqueError extends ChainopsError<CliqueErrorCode> {
  override name = 'CliqueError'
  declare readonly code: CliqueErrorCode
  readonly path: string | undefined

  constructor(parameters: CliqueErrorParameters) {
    const { path, ...rest } = parameters
    super({
      ...rest,
      details: path === undefined ? rest.details : `at ${path}${rest.details ? `: ${rest.details}` : ''}`,
    })
    this.path = path
  }
}
