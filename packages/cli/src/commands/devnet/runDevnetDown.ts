import { setTimeout as sleep } from 'node:timers/promises'
import { isPidAlive } from '@chainops/devnet'
import { devnetStatePath } from '../../devnetState/devnetStatePath.ts'
import { readDevnetState } from '../../devnetState/readDevnetState.ts'
import type { CommandInput } from '../../framework/Command.ts'

/** What `chainops devnet down` does once its flags are parsed; loaded only when that command runs. */
export async function runDevnetDown({ values, io }: CommandInput): Promise<number> {
  const path = devnetStatePath(values.state)
  const state = readDevnetState(path)
  if (!state || !isPidAlive(state.runnerPid)) {
    io.out(`devnet: not running${state ? ` (last status ${state.status})` : ''}`)
    return 0
  }
  process.kill(state.runnerPid, 'SIGTERM')
  io.progress(`devnet: stopping (runner pid ${state.runnerPid})`)
  const deadline = Date.now() + 60_000
  while (isPidAlive(state.runnerPid) && Date.now() < deadline) await sleep(200)
  if (isPidAlive(state.runnerPid)) {
    io.err(`devnet: runner ${state.runnerPid} did not stop within 60 s`)
    return 1
  }
  io.out('devnet: stopped')
  return 0
}
