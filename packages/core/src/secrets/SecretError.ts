import { ChainopsError } from '../errors/ChainopsError.ts'

/** Stable codes of {@link SecretError}. */
export type SecretErrorCode =
  /** No such variable, file or parameter. The details name it. */
  | 'SECRET_NOT_FOUND'
  /** The secret exists but is empty. */
  | 'SECRET_EMPTY'
  /** The name is not acceptable to the source (a path separator in a file name, ...). */
  | 'SECRET_INVALID_NAME'
  /** A secret file others can read or write (group or world permission bits set). */
  | 'SECRET_INSECURE_FILE'
  /** The source failed for another reason (I/O, AWS); see the cause. */
  | 'SECRET_UNAVAILABLE'
  /** `reveal()` on a `Secret` after its `wipe()`. */
  | 'SECRET_WIPED'

export type SecretErrorParameters = {
  code: SecretErrorCode
  shortMessage: string
  details?: string | undefined
  cause?: unknown
}

/**
 * Thrown by every `SecretSource`, and by `Secret.reveal()` after `wipe()`. Details name the secret
 * (variable, path, parameter), never its value.
 */
export class SecretError extends ChainopsError {
  override name = 'SecretError'
  declare readonly code: SecretErrorCode

  constructor(parameters: SecretErrorParameters) {
    super(parameters)
  }
}
