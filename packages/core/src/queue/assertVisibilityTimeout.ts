import { assertQueueWholeNumber } from './assertQueueWholeNumber.ts'

/** SQS's longest visibility timeout, 12 hours; the embedded queue keeps to it. */
const MAX_VISIBILITY_MS = 12 * 60 * 60 * 1000

/** Asserts a visibility timeout in ms: a whole number from 0 to 12 hours. */
export function assertVisibilityTimeout(visibilityTimeoutMs: number): void {
  assertQueueWholeNumber(visibilityTimeoutMs, 'visibilityTimeoutMs', 0, MAX_VISIBILITY_MS)
}
