import { isPidAlive } from '@chainops/devnet'
import { devnetStatePath } from '../../devnetState/devnetStatePath.ts'
import { readDevnetState } from '../../devnetState/readDevnetState.ts'
import type { CommandInput } from '../../framework/Command.ts'
import { formatEndpoints } from '../../output/formatEndpoints.ts'

/** What `chainops devnet status` does once its flags are parsed; loaded only when that command runs. */
export async function runDevnetStatus({ values, io }: CommandInput): Promise<number> {
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
}
