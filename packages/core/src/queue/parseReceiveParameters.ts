import { assertQueueWholeNumber } from './assertQueueWholeNumber.ts'
import { assertVisibilityTimeout } from './assertVisibilityTimeout.ts'
import type { ReceiveMessagesParameters } from './Queue.ts'

export type ParseReceiveParametersReturnType = {
  max: number
  visibilityTimeoutMs: number
}

/** Checks what `Queue.receive` takes and fills in the defaults: one message, the queue's own visibility timeout. */
export function parseReceiveParameters(
  parameters: ReceiveMessagesParameters,
  defaultVisibilityTimeoutMs: number,
): ParseReceiveParametersReturnType {
  const { max = 1, visibilityTimeoutMs = defaultVisibilityTimeoutMs } = parameters
  assertQueueWholeNumber(max, 'max', 1, 10)
  assertVisibilityTimeout(visibilityTimeoutMs)
  return { max, visibilityTimeoutMs }
}
