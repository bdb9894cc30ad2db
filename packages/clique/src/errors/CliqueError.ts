import { ChainopsError, type ChainopsErrorParameters } from '@chainops/core'

declare module '@chainops/core' {
  interface ChainopsErrorCodes {
    clique: CliqueErrorCode
  }
}

/** Stable codes of every error @chainops/clique throws; callers switch on them. */
export type CliqueErrorCode =
  | 'CLIQUE_QUANTITY_INVALID'
  | 'CLIQUE_QUANTITY_EMPTY'
  | 'CLIQUE_QUANTITY_NEGATIVE'
  | 'CLIQUE_QUANTITY_TOO_LARGE'
  | 'CLIQUE_EXTRA_DATA_INVALID_HEX'
  | 'CLIQUE_EXTRA_DATA_LENGTH'
  | 'CLIQUE_SIGNERS_UNSORTED'
  | 'CLIQUE_DUPLICATE_SIGNER'
  | 'CLIQUE_SIGNER_INVALID'
  | 'CLIQUE_VANITY_INVALID'
  | 'CLIQUE_GENESIS_INVALID'
  | 'CLIQUE_GENESIS_FORK_UNSUPPORTED'
  | 'CLIQUE_PLAN_INVALID'
  | 'CLIQUE_CONFIG_INVALID'
  | 'CLIQUE_SEAL_INVALID'
  | 'CLIQUE_RPC_FAILED'
  | 'CLIQUE_RATIO_INVALID'
  | 'CLIQUE_HEALTH_INVALID'

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
