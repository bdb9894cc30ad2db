/** Stable codes lintGenesis reports; callers and the CLI switch on them. */
export type LintCode =
  | 'GENESIS_INVALID'
  | 'QUANTITY_INVALID'
  | 'QUANTITY_EMPTY'
  | 'QUANTITY_NEGATIVE'
  | 'QUANTITY_TOO_LARGE'
  | 'HEX_LOOKS_DECIMAL'
  | 'SEALER_QUORUM'
  | 'CAPACITY_BELOW_TARGET'
  | 'MISSING_FORK'
  | 'UNSUPPORTED_FORK'
  | 'EXTRA_DATA_INVALID'
  | 'SIGNERS_UNSORTED'
  | 'DUPLICATE_SIGNER'
  | 'PERIOD_ZERO'
  | 'EPOCH_INVALID'
  | 'SUPPLY_MISMATCH'
  | 'FUNDED_ACCOUNT_NOT_SEALER'

/** One thing lintGenesis found, at a JSON path of the genesis file. */
export type LintFinding = {
  code: LintCode
  severity: 'error' | 'warning' | 'info'
  message: string
  /** JSON path into the genesis, e.g. `alloc.96676e….balance`; `$` for the whole file. */
  path: string
}
