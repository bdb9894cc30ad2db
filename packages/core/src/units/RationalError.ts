import { ChainopsError } from '../errors/ChainopsError.ts'

/** Stable codes of {@link RationalError}. */
export type RationalErrorCode = 'RATIONAL_ZERO_DENOMINATOR' | 'RATIONAL_INVALID'

export type RationalErrorParameters = {
  code: RationalErrorCode
  shortMessage: string
  details?: string | undefined
  cause?: unknown
}

/** Thrown when a rational would have a zero denominator or is built from something other than bigints. */
export class RationalError extends ChainopsError {
  override name = 'RationalError'
  declare readonly code: RationalErrorCode

  constructor(parameters: RationalErrorParameters) {
    super(parameters)
  }
}
