import { setTimeout as sleep } from 'node:timers/promises'
import { createLogger, isChainopsError } from '@chainops/core'
import type { Address } from 'viem'
import { type CreateMintWatcherParameters, createMintWatcher } from './createMintWatcher.ts'
import type { MintWatcher, MintWatcherStats } from './MintWatcher.ts'

export type StartMintWatcherParameters = CreateMintWatcherParameters & {
  /** How often a standby tries to take the key's watcher lease (default a fifth of its TTL). */
  standbyPollMs?: number | undefined
}

export type RunningMintWatcher = {
  readonly address: Address
  /** Whether this process holds the key's watcher lease right now. */
  active(): boolean
  /** The counters of the current (or last) active run. */
  stats(): MintWatcherStats | undefined
  stop(): Promise<void>
}

/**
 * The receipt watcher in-process, on a timer (`startIssuance` in AWS mode, a long-running
 * worker): active while it holds the sending key's watcher lease, a standby that keeps trying
 * while another process holds it, and a fresh `createMintWatcher` after a lost lease or a failed
 * start, so a second copy of the service takes over within the lease TTL when the first dies.
 */
export function startMintWatcher(parameters: StartMintWatcherParameters): RunningMintWatcher {
  const logger = (parameters.logger ?? createLogger({ level: 'warn' })).child({ component: 'mint-watcher' })
  const standbyPollMs = parameters.standbyPollMs ?? Math.max(200, Math.floor((parameters.lease?.ttlMs ?? 15_000) / 5))
  let current: MintWatcher | undefined = createMintWatcher(parameters)
  const address = current.address
  let active = false
  let last: MintWatcherStats | undefined
  let stopped = false
  const abort = new AbortController()

  const loop = async () => {
    while (!stopped) {
      const watcher = current ?? createMintWatcher(parameters)
      current = watcher
      try {
        await watcher.start()
        active = true
        await watcher.run()
      } catch (error) {
        if (!isChainopsError(error, 'MINT_WATCHER_LEASE_HELD') && !stopped)
          logger.warn('mint watcher stopped; starting again', { error })
      } finally {
        active = false
        last = watcher.stats()
        await watcher.stop()
        current = undefined
      }
      if (!stopped) await sleep(standbyPollMs, undefined, { signal: abort.signal }).catch(() => undefined)
    }
  }
  const done = loop()

  return {
    address,
    active: () => active,
    stats: () => (active ? current?.stats() : last),
    async stop() {
      stopped = true
      abort.abort()
      await current?.stop()
      await done
    },
  }
}
