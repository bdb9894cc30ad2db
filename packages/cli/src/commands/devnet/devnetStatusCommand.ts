import { isPidAlive } from '@chainops/devnet'
import { devnetStateOptions } from '../../devnetState/devnetStateOptions.ts'
import { devnetStatePath } from '../../devnetState/devnetStatePath.ts'
import { readDevnetState } from '../../devnetState/readDevnetState.ts'
import type { Command } from '../../framework/Command.ts'
import { formatEndpoints } from '../../output/formatEndpoints.ts'

export const devnetStatusCommand: Command = {
  path: ['devnet', 'status'],
  summary: 'show whether the background stack runs, and its endpoints',
  usage: 'chainops devnet status [--state FILE] [--json]',
  options: {
    ...devnetStateOptions,
    json: { type: 'boolean', description: "print the state file's JSON with the status" },
  },
  help: 'Exit code 0 when the stack is up and ready, 1 otherwise.',
  async run({ values, io }) {
    const path = devnetStatePath(values.state)
    const state = readDevnetState(path)
    const alive = state ? isPidAlive(state.runnerPid) : false
    const status = !state ? 'absent' : state.status !== 'stopped' && !alive ? 'dead' : state.status
    if (values.json) {
      io.out(JSON.stringify({ ...(state ?? {}), status, statePath: path }, null, 2))
    } else if (state?.status === 'ready' && alive) {
      io.out(
        `devnet: ready (runner pid ${state.runnerPid}, since ${state.startedAt})\n${formatEndpoints(state.endpoints, path)}`,
      )
    } else {
      io.out(
        `devnet: ${status}${state ? ` (runner pid ${state.runnerPid}, log ${state.logPath})` : ` (no state at ${path})`}`,
      )
    }
    return status === 'ready' ? 0 : 1
  },
}
