import { setTimeout as sleep } from 'node:timers/promises'
import { isPidAlive } from '@chainops/devnet'
import { devnetStateOptions } from '../../devnetState/devnetStateOptions.ts'
import { devnetStatePath } from '../../devnetState/devnetStatePath.ts'
import { readDevnetState } from '../../devnetState/readDevnetState.ts'
import type { Command } from '../../framework/Command.ts'

export const devnetDownCommand: Command = {
  path: ['devnet', 'down'],
  summary: 'stop the background stack: its runner stops every daemon by PID',
  usage: 'chainops devnet down [--state FILE]',
  options: {
    ...devnetStateOptions,
  },
  async run({ values, io }) {
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
  },
}
