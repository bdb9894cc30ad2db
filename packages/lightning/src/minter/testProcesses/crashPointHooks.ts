import type { MinterHooks } from '../Minter.ts'

export type CrashAt = { point: 'journaled' | 'broadcast'; after: number }

/**
 * Minter hooks for the test processes: announce every journal commit and broadcast round on
 * stdout, and at the chosen one announce `crash-point` and hang until the test kills the process.
 */
export function crashPointHooks(
  crashAt: CrashAt | undefined,
  emit: (event: Record<string, unknown>) => void,
): MinterHooks {
  const rounds = { journaled: 0, broadcast: 0 }
  const step = (point: 'journaled' | 'broadcast', hashes: string[]) => {
    rounds[point]++
    emit({ event: point, hashes })
    if (crashAt?.point === point && rounds[point] >= crashAt.after) {
      emit({ event: 'crash-point', point, hashes })
      return new Promise<void>(() => {})
    }
  }
  return {
    afterJournal: (rows) =>
      step(
        'journaled',
        rows.map((row) => row.paymentHash),
      ),
    afterBroadcast: (rows) =>
      step(
        'broadcast',
        rows.map((row) => row.paymentHash),
      ),
  }
}
