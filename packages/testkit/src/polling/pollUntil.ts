import { setTimeout as sleep } from 'node:timers/promises'
import { TestkitError } from '../errors/TestkitError.ts'

export type PollUntilParameters<T> = {
  /** What is awaited, for the timeout error: `block 5`, `the invoice MINTED`. */
  description: string
  /**
   * The value awaited, or `undefined`/`false` while it is not there yet. A throw counts as "not
   * yet" too (a daemon answers with errors while it starts); the last one is the timeout's cause.
   */
  condition: () => Promise<T | undefined | false> | T | undefined | false
  /** Default 30 s. */
  timeoutMs?: number
  /** Pause between two checks; default 200 ms. */
  intervalMs?: number
}

export type PollUntilErrorType = TestkitError

/**
 * Checks `condition` until it gives a value other than `undefined`/`false` and resolves with it;
 * the condition is checked at least once, and once more at the deadline. After `timeoutMs` it
 * rejects with `TESTKIT_POLL_TIMEOUT`, naming `description`.
 */
export async function pollUntil<T>(parameters: PollUntilParameters<T>): Promise<T> {
  const { description, condition, timeoutMs = 30_000, intervalMs = 200 } = parameters
  const deadline = Date.now() + timeoutMs
  let lastError: unknown
  let errored = false
  for (;;) {
    const last = Date.now() >= deadline
    try {
      const value = await condition()
      if (value !== undefined && value !== false) return value
      errored = false
    } catch (error) {
      lastError = error
      errored = true
    }
    if (last) break
    await sleep(Math.max(0, Math.min(intervalMs, deadline - Date.now())))
  }
  throw new TestkitError({
    code: 'TESTKIT_POLL_TIMEOUT',
    shortMessage: `timed out after ${timeoutMs} ms waiting for ${description}`,
    ...(errored ? { details: `the last check threw: ${describe(lastError)}`, cause: lastError } : {}),
  })
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name
  return String(error)
}
