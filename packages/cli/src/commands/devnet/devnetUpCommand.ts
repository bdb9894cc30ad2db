import { spawn } from 'node:child_process'
import { mkdirSync, openSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { isPidAlive } from '@chainops/devnet'
import { devnetStateOptions } from '../../devnetState/devnetStateOptions.ts'
import { devnetStatePath } from '../../devnetState/devnetStatePath.ts'
import { readDevnetState } from '../../devnetState/readDevnetState.ts'
import { positiveIntegerFlag } from '../../flags/positiveIntegerFlag.ts'
import type { Command } from '../../framework/Command.ts'
import { formatEndpoints } from '../../output/formatEndpoints.ts'

export const devnetUpCommand: Command = {
  path: ['devnet', 'up'],
  summary: 'start the local stack (geth Clique, btcd + lnd, moto) in the background and print its endpoints',
  usage:
    'chainops devnet up [--sealers N] [--period S] [--no-lightning] [--no-moto] [--timeout-seconds S] [--state FILE] [--json]',
  options: {
    sealers: { type: 'string', value: 'N', description: 'Clique sealer nodes', default: '3' },
    period: { type: 'string', value: 'S', description: 'seconds between blocks', default: '1' },
    'no-lightning': { type: 'boolean', description: 'start no btcd and lnd' },
    'no-moto': { type: 'boolean', description: 'start no moto (the local AWS)' },
    'timeout-seconds': {
      type: 'string',
      value: 'S',
      description: 'give up, and stop what started, after S seconds',
      default: '600',
    },
    ...devnetStateOptions,
    json: { type: 'boolean', description: "print the state file's JSON (endpoints, PIDs)" },
  },
  help: 'The endpoints are written to the state file (--state) for examples and scripts. Stop with `chainops devnet down`.',
  async run({ values, io }) {
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
    const runner = fileURLToPath(new URL('../../processes/stackRunner.ts', import.meta.url))
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
  },
}
