import { setTimeout as sleep } from 'node:timers/promises'
import type { CrashAt } from '../../src/minter/testProcesses/crashPointHooks.ts'
import type { MinterProcess } from '../../src/minter/testProcesses/spawnMinterProcess.ts'

type KillCounts = {
  killsAfterJournal: number
  killsAfterBroadcast: number
  killsAtRandomTime: number
  /** Processes that exited before their moment (e.g. started while the RPC node was down). */
  exitedOnTheirOwn: number
}

export type ChaosKiller = {
  readonly counts: KillCounts
  readonly deaths: number
  /** Where the next process is to die: at each point of `forced` in turn for sure (see `forcedAttempts`), then at random. */
  nextCrash(): CrashAt | undefined
  /**
   * Waits until the process announces its crash point, its random lifetime is over or it exits,
   * then SIGKILLs it and counts how it died.
   */
  killWhenDue(child: MinterProcess, crashAt: CrashAt | undefined): Promise<void>
}

/** The killer of the chaos tests, driven by their seeded generator. */
export function chaosKiller(parameters: {
  rand: () => number
  /** Share of processes that die at each crash point, after the first two (e.g. 0.25). */
  crashShare: number
  /** How long a process without a crash point lives, ms. */
  lifetimeMs: readonly [number, number]
  /** How long a process may take to reach a forced crash point, ms. */
  forcedTimeoutMs: number
  /** The crash points of the first two processes (default: after a journal commit, then after a broadcast). */
  forced?: readonly [CrashAt['point'], CrashAt['point']] | undefined
  /**
   * Where a lifetime counts from: the spawn (default), or the process's `started` event (so that a
   * process slow to start on a loaded machine still runs for its lifetime before it dies).
   */
  lifetimeFrom?: 'spawn' | 'started' | undefined
  /**
   * Processes given each forced point until one reaches it (default 1: the first two processes,
   * one per point, whatever happens).
   */
  forcedAttempts?: number | undefined
  /**
   * How long a process that reached a crash point stays hung there before the kill (default 0): at
   * `journaled`, its mints sit journaled and unsent meanwhile, with their messages still invisible.
   */
  holdMs?: Partial<Record<CrashAt['point'], number>> | undefined
}): ChaosKiller {
  const { rand, crashShare, lifetimeMs, forcedTimeoutMs } = parameters
  const forced: CrashAt['point'][] = [...(parameters.forced ?? ['journaled', 'broadcast'])]
  const forcedAttempts = parameters.forcedAttempts ?? 1
  const pick = (low: number, high: number) => low + Math.floor(rand() * (high - low + 1))
  const counts: KillCounts = { killsAfterJournal: 0, killsAfterBroadcast: 0, killsAtRandomTime: 0, exitedOnTheirOwn: 0 }
  let deaths = 0
  let attempts = 0
  return {
    counts,
    get deaths() {
      return deaths
    },
    nextCrash() {
      const point = forced[0]
      if (point) return { point, after: 1 }
      const roll = rand()
      if (roll < crashShare) return { point: 'journaled', after: pick(1, 4) }
      if (roll < 2 * crashShare) return { point: 'broadcast', after: pick(1, 4) }
      return undefined
    },
    async killWhenDue(child, crashAt) {
      const forcedPoint = forced[0]
      const crashPoint = child
        .waitFor((event) => event.event === 'crash-point', 120_000)
        .then(
          (event) => event.point as string,
          () => undefined,
        )
      const lifetime = forcedPoint ? forcedTimeoutMs : pick(lifetimeMs[0], lifetimeMs[1])
      const born =
        parameters.lifetimeFrom === 'started'
          ? child.waitFor((event) => event.event === 'started', 120_000).catch(() => undefined)
          : Promise.resolve()
      const outcome = await Promise.race([
        crashPoint,
        born.then(() => sleep(lifetime)).then(() => 'time' as const),
        child.exited.then(() => 'exited' as const),
      ])
      const hold = parameters.holdMs?.[outcome as CrashAt['point']]
      if (hold && crashAt) await Promise.race([sleep(hold), child.exited])
      await child.kill()
      if (outcome === 'journaled' && crashAt) counts.killsAfterJournal++
      else if (outcome === 'broadcast' && crashAt) counts.killsAfterBroadcast++
      else if (outcome === 'time') counts.killsAtRandomTime++
      else counts.exitedOnTheirOwn++
      if (forcedPoint && (outcome === forcedPoint || ++attempts >= forcedAttempts)) {
        forced.shift()
        attempts = 0
      }
      deaths++
    },
  }
}
