import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { DevnetState } from './DevnetState.ts'

/** Written through a rename so a reader never sees half a file; 0600, since it names key files. */
export function writeDevnetState(path: string, state: DevnetState): void {
  mkdirSync(dirname(path), { recursive: true })
  const tmp = `${path}.${process.pid}.tmp`
  writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 })
  renameSync(tmp, path)
}
