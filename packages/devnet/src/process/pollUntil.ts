import { setTimeout as sleep } from 'node:timers/promises'
import { DevnetError } from '../DevnetError.ts'
import { describeLightningError } from '../lightning/describeLightningError.ts'

/**
 * Polls `check` until it returns something other than undefined/false. Errors thrown by `check`
 * count as "not yet" (daemons answer with errors while they start); the last one becomes the
 * timeout error's cause.
 */
export async function pollUntil<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  options: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const { timeoutMs = 60_000, intervalMs = 100 } = options
  const deadline = Date.now() + timeoutMs
  let lastError: unknown
  for (;;) {
    try {
      const result = await check()
      if (result !== undefined && result !== false) return result as T
    } catch (error) {
      lastError = error
    }
    if (Date.now() >= deadline) break
    await sleep(intervalMs)
  }
  throw new DevnetError({
    code: 'DEVNET_TIMEOUT',
    shortMessage: `timed out after ${timeoutMs} ms waiting for ${what}`,
    ...(lastError === undefined ? {} : { details: `last error: ${describeLightningError(lastError)}` }),
  })
}
