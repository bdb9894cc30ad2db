import type { StackEndpoints } from '@chainops/devnet'

/** The devnet state file that `devnet up` writes and examples, scripts and `status`/`down` read. */
export type DevnetState =
  | { status: 'starting'; runnerPid: number; startedAt: string; logPath: string }
  | {
      status: 'ready'
      runnerPid: number
      startedAt: string
      logPath: string
      endpoints: StackEndpoints
      pids: number[]
    }
  | { status: 'failed'; runnerPid: number; startedAt: string; logPath: string; error: string }
  | { status: 'stopped'; runnerPid: number; startedAt: string; logPath: string }
