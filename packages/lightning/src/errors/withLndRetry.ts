import { setTimeout as sleep } from 'node:timers/promises'
import { describeLndError } from './describeLndError.ts'
import { isLndUnavailableError } from './isLndUnavailableError.ts'
import { LightningError } from './LightningError.ts'

export type LndRetryOptions = {
  /** Attempts in all, the first included (default 5). */
  attempts?: number | undefined
  /** Delay before the second attempt; doubles on each further one (default 200 ms). */
  initialDelayMs?: number | undefined
  /** The longest delay between attempts (default 5000 ms). */
  maxDelayMs?: number | undefined
}

export type WithLndRetryParameters = LndRetryOptions & {
  /** Names the call in errors, e.g. `create the invoice`. */
  what: string
}

/**
 * Runs an lnd call, retrying with exponential backoff while lnd is unreachable or starting; then
 * throws `LND_UNREACHABLE`. Any other failure is `LND_REQUEST_FAILED` at once (retrying a refused
 * permission or a bad argument cannot help). Error details keep codes and gRPC details only.
 */
export async function withLndRetry<T>(call: () => Promise<T>, parameters: WithLndRetryParameters): Promise<T> {
  const { what, attempts = 5, initialDelayMs = 200, maxDelayMs = 5000 } = parameters
  let delay = initialDelayMs
  for (let attempt = 1; ; attempt++) {
    try {
      return await call()
    } catch (error) {
      if (error instanceof LightningError) throw error
      if (!isLndUnavailableError(error))
        throw new LightningError({
          code: 'LND_REQUEST_FAILED',
          shortMessage: `lnd refused to ${what}`,
          details: describeLndError(error),
        })
      if (attempt >= attempts)
        throw new LightningError({
          code: 'LND_UNREACHABLE',
          shortMessage: `lnd is unreachable: could not ${what} after ${attempts} attempts`,
          details: describeLndError(error),
        })
      await sleep(delay)
      delay = Math.min(delay * 2, maxDelayMs)
    }
  }
}
