import { readFileSync } from 'node:fs'
import type { DevnetState } from './DevnetState.ts'

/** The state file at `path`, or undefined when there is none (no devnet was started there) or it does not parse. */
export function readDevnetState(path: string): DevnetState | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as DevnetState
  } catch {
    return undefined
  }
}
