// The background process behind `chainops devnet up`: starts the stack, writes the state file,
// and holds the daemons until SIGTERM/SIGINT, then stops them by PID and records `stopped`.
import { startStack } from '@chainops/devnet'
import { safeSingletonFactoryPredeploy } from '@chainops/treasury'
import type { DevnetState } from '../devnetState/DevnetState.ts'
import { writeDevnetState } from '../devnetState/writeDevnetState.ts'

const [path, optionsJson, logPath] = process.argv.slice(2)
if (!path || !optionsJson || !logPath) {
  process.stderr.write('usage: stackRunner.ts STATE_FILE OPTIONS_JSON LOG_PATH\n')
  process.exit(2)
}
const base = { runnerPid: process.pid, startedAt: new Date().toISOString(), logPath }
writeDevnetState(path, { status: 'starting', ...base })

let stopping = false
try {
  const options = JSON.parse(optionsJson)
  // The Safe singleton factory goes in the genesis (it has no presigned deployment for chain 2789),
  // so `chainops safe deploy` and the examples that deploy Safes work on the devnet.
  const factory = await safeSingletonFactoryPredeploy()
  const stack = await startStack({
    ...options,
    geth:
      options.geth === false ? false : { ...options.geth, predeploys: [...(options.geth?.predeploys ?? []), factory] },
    onProgress: (line: string) => process.stdout.write(`${new Date().toISOString()} ${line}\n`),
  })
  const stop = async () => {
    if (stopping) return
    stopping = true
    await stack.stop()
    writeDevnetState(path, { status: 'stopped', ...base } satisfies DevnetState)
    process.exit(0)
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
  writeDevnetState(path, { status: 'ready', ...base, endpoints: stack.endpoints(), pids: stack.pids() })
  process.stdout.write('stack ready\n')
  setInterval(() => {}, 1 << 30) // hold the event loop open until a signal
} catch (error) {
  process.stdout.write(`${(error as Error).stack ?? error}\n`)
  writeDevnetState(path, { status: 'failed', ...base, error: (error as Error).message })
  process.exit(1)
}
