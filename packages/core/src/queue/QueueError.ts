import { ChainopsError } from '../errors/ChainopsError.ts'

/** Stable codes of {@link QueueError}. */
export type QueueErrorCode =
  /** A body, dedup id, group id, reason or option is not acceptable. */
  | 'QUEUE_INVALID_INPUT'
  /** The database stayed locked by another process for longer than the busy timeout. */
  | 'QUEUE_BUSY'
  /** The queue was closed. */
  | 'QUEUE_CLOSED'

export type QueueErrorParameters = {
  code: QueueErrorCode
  shortMessage: string
  details?: string | undefined
  cause?: unknown
}

/** Thrown by every `Queue` implementation. Details never include message bodies. */
export class QueueError extends ChainopsError {
  override name = 'QueueError'
  declare readonly code: QueueErrorCode

  constructor(parameters: QueueErrorParameters) {
    super(parameters)
  }
}
