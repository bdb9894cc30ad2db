import { invalidQueueInput } from './invalidQueueInput.ts'

/** Asserts a count or duration option of a `Queue`: a whole number from `min` to `max`, named `what`. */
export function assertQueueWholeNumber(value: number, what: string, min: number, max: number): void {
  if (!Number.isSafeInteger(value) || value < min || value > max)
    throw invalidQueueInput(`${what} is a whole number from ${min} to ${max}`)
}
