import { ChainopsError } from '../errors/ChainopsError.ts'

/** Stable codes of {@link LoggerError}. */
export type LoggerErrorCode = 'LOGGER_INVALID_LEVEL'

export type LoggerErrorParameters = {
  code: LoggerErrorCode
  shortMessage: string
  details?: string | undefined
  cause?: unknown
}

/** Thrown when a logger is configured with something it cannot use. */
export class LoggerError extends ChainopsError {
  override name = 'LoggerError'
  declare readonly code: LoggerErrorCode

  constructor(parameters: LoggerErrorParameters) {
    super(parameters)
  }
}
