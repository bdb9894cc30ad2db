import { ChainopsError } from '../errors/ChainopsError.ts'

/** Stable codes of {@link UnitsError}. */
export type UnitsErrorCode = 'UNITS_INVALID_AMOUNT' | 'UNITS_INVALID_DECIMALS'

export type UnitsErrorParameters = {
  code: UnitsErrorCode
  shortMessage: string
  details?: string | undefined
  cause?: unknown
}

/**
 * Thrown when an amount cannot be parsed, formatted or converted exactly. The details say what is
 * wrong with the input (length, position of a bad character, number of decimals) and never repeat
 * the input itself: a mistyped field can carry a secret.
 */
export class UnitsError extends ChainopsError {
  override name = 'UnitsError'
  declare readonly code: UnitsErrorCode

  constructor(parameters: UnitsErrorParameters) {
    super(parameters)
  }
}
