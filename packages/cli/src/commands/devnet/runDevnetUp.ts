import { spawn } from 'node:child_process'
import { mkdirSync, openSync } from 'node:fs'
import { dirname, extname, join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { isPidAlive } from '@chainops/devnet'
import { devnetStatePath } from '../../devnetState/devnetStatePath.ts'
import { readDevnetState } from '../../devnetState/readDevnetState.ts'
import { positiveIntegerFlag } from '../../flags/positiveIntegerFlag.ts'
import type { CommandInput } from '../../framework/Command.ts'
import { formatEndpoints } from '../../output/formatEndpoints.ts'

/** What `chainops devnet up` does once its flags are parsed; loaded only when that command runs. */
export async function runDevnetUp({ values, io }: CommandInput): Promise<number> {
  const path = devnetStatePath(values.state)
  const existing = readDevnetState(path)
  if (existing && existing.status !== 'stopped' && existing.status !== 'failed' && isPidAlive(existing.runnerPid)) {
    io.err(`a devnet is already running (runner pid ${existing.runnerPid}); state ${path}`)
    return 1
  }
  const options = {
    geth: {
      sealers: positiveIntegerFlag(values.sealers, 'sealers', 3),
      period: positiveIntegerFlag(values.period, 'period', 1),
    },
    lightning: !values['no-lightning'],
    moto: !values['no-moto'],
  }
  const timeoutMs = positiveIntegerFlag(values['timeout-seconds'], 'timeout-seconds', 600) * 1000
  const logPath = join(dirname(path), 'devnet.log')
  mkdirSync(dirname(path), { recursive: true })
  const log = openSync(logPath, 'w')
  // stackRunner.js beside this file's .js in dist, .ts in the source.
  const runner = fileURLToPath(
    new URL(`../../processes/stackRunner${extname(fileURLToPath(import.meta.url))}`, import.meta.url),
  )
  const child = spawn(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', runner, path, JSON.stringify(options), logPath],
    {
      detached: true,
      stdio: ['ignore', log, log],
    },
  )
  child.unref()
  io.progress(`devnet: starting (runner pid ${child.pid}, log ${logPath})`)
  const started = Date.now()
  let lastReport = 0
  while (Date.now() - started < timeoutMs) {
    const found = readDevnetState(path)
    // A state file of an earlier runner is not ours to report.
    const state = found && found.runnerPid === child.pid ? found : undefined
    if (state?.status === 'ready') {
      io.progress(`devnet: ready in ${((Date.now() - started) / 1000).toFixed(1)} s`)
      io.out(values.json ? JSON.stringify(state, null, 2) : formatEndpoints(state.endpoints, path))
      return 0
    }
    if (state?.status === 'failed') {
      io.err(`devnet: failed to start: ${state.error}\n(full log: ${logPath})`)
      return 1
    }
    if (child.pid !== undefined && !isPidAlive(child.pid)) {
      io.err(`devnet: the runner exited before the stack was ready (log: ${logPath})`)
      return 1
    }
    if (Date.now() - lastReport > 5000) {
      lastReport = Date.now()
      io.progress(`devnet: still starting (${Math.round((Date.now() - started) / 1000)} s)`)
    }
    await sleep(250)
  }
  if (child.pid !== undefined) process.kill(child.pid, 'SIGTERM')
  io.err(`devnet: not ready after ${timeoutMs / 1000} s; stopped it (log: ${logPath})`)
  return 1
}
