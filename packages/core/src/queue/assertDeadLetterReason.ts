import { invalidQueueInput } from './invalidQueueInput.ts'

const MAX_REASON_LENGTH = 1024

/** Asserts the reason given to `Queue.deadLetter`: 1 to 1024 characters. */
export function assertDeadLetterReason(reason: string): void {
  if (typeof reason !== 'string' || reason.length === 0 || reason.length > MAX_REASON_LENGTH)
    throw invalidQueueInput(`a reason is a non-empty string of at most ${MAX_REASON_LENGTH} characters`)
}
