import { ChainopsError } from '@chainops/core'

declare module '@chainops/core' {
  interface ChainopsErrorCodes {
    treasurySplits: SplitsErrorCode
  }
}

/** Stable codes of {@link SplitsError}. */
export type SplitsErrorCode =
  /** Recipients and allocations that make no split (empty, repeated, zero, incentive too high). */
  | 'SPLITS_INVALID_SPLIT'
  /** No SplitsV2 split at the address: no SplitUpdated event since the block given, or one that does not hash to its splitHash. */
  | 'SPLITS_SPLIT_NOT_FOUND'
  /** A split transaction reverted or did not do what it should (no SplitCreated, wrong hash). */
  | 'SPLITS_TRANSACTION_FAILED'

export type SplitsErrorParameters = {
  code: SplitsErrorCode
  shortMessage: string
  details?: string | undefined
  cause?: unknown
}

/** Every error of the 0xSplits code. */
export class SplitsError extends ChainopsError<SplitsErrorCode> {
  override name = 'SplitsError'
  declare readonly code: SplitsErrorCode

  constructor(parameters: SplitsErrorParameters) {
    super(parameters)
  }
}
