import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
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

/** `--state`, else `$CHAINOPS_DEVNET_STATE`, else `.chainops/devnet.json` under the current directory. */
export function statePath(flag: unknown): string {
  if (typeof flag === 'string' && flag) return resolve(flag)
  return resolve(process.env.CHAINOPS_DEVNET_STATE || join(process.cwd(), '.chainops', 'devnet.json'))
}

export function readState(path: string): DevnetState | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as DevnetState
  } catch {
    return undefined
  }
}

/** Written through a rename so a reader never sees half a file. */
export function writeState(path: string, state: DevnetState): void {
  mkdirSync(dirname(path), { recursive: true })
  const tmp = `${path}.${process.pid}.tmp`
  writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 })
  renameSync(tmp, path)
}
