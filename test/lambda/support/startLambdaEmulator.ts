import { type ChildProcess, spawn } from 'node:child_process'
import { closeSync, openSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { connect } from 'node:net'
import { dirname, join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { daemonBinary, freePort } from '@chainops/devnet'

export type StartLambdaEmulatorParameters = {
  /** The function's name (in logs and `AWS_LAMBDA_FUNCTION_NAME`). */
  name: string
  /** The unpacked zip: `LAMBDA_TASK_ROOT`, and the runtime's working directory, as /var/task in AWS. */
  taskRoot: string
  /** The function's configuration (its environment variables). */
  env: Record<string, string>
  /** The function timeout, seconds (default 60). */
  timeoutSeconds?: number
  /** Where the emulator's and the function's output go. */
  logPath: string
}

export type LambdaEmulator = {
  readonly name: string
  readonly pid: number
  readonly logPath: string
  /** One invocation through the emulator's Invoke API; resolves to the function's JSON answer, rejects on a function error. */
  invoke<T = unknown>(event: unknown): Promise<T>
  /** Each `INIT REPORT` duration the emulator logged (ms): one per cold start. */
  initDurationsMs(): Promise<number[]>
  stop(): Promise<void>
}

const require = createRequire(import.meta.url)
const ricIndex = join(dirname(require.resolve('aws-lambda-ric')), 'index.mjs')

// What Lambda's nodejs22.x runtime sets on top of Node's defaults (it turns these two experiments off).
const LAMBDA_NODE_OPTIONS = '--no-experimental-require-module --no-experimental-detect-module'

/**
 * The real Lambda runtime on this machine: the AWS Lambda Runtime Interface Emulator (the Runtime
 * API and the Invoke API of one function) running the project's Node with aws-lambda-ric, the
 * runtime interface client the AWS Node.js images use, on the unpacked zip. The function sees only
 * the environment given here plus what Lambda itself sets, not the test's. It starts on the first
 * invocation (a cold start, as in AWS) and stays warm after. Stopped by its process group id: the
 * emulator and the runtime it spawned, nothing else.
 */
export async function startLambdaEmulator(parameters: StartLambdaEmulatorParameters): Promise<LambdaEmulator> {
  const { name, taskRoot, logPath } = parameters
  const [invokePort, runtimePort] = [await freePort(), await freePort()]
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    LAMBDA_TASK_ROOT: taskRoot,
    AWS_LAMBDA_FUNCTION_NAME: name,
    AWS_LAMBDA_FUNCTION_TIMEOUT: String(parameters.timeoutSeconds ?? 60),
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '1024',
    NODE_OPTIONS: LAMBDA_NODE_OPTIONS,
    TZ: ':UTC',
    ...parameters.env,
  }
  const fd = openSync(logPath, 'a')
  let child: ChildProcess
  try {
    child = spawn(
      daemonBinary('aws-lambda-rie'),
      [
        '--runtime-interface-emulator-address',
        `127.0.0.1:${invokePort}`,
        '--runtime-api-address',
        `127.0.0.1:${runtimePort}`,
        process.execPath,
        ricIndex,
        'index.handler',
      ],
      { cwd: taskRoot, env, stdio: ['ignore', fd, fd], detached: true },
    )
  } finally {
    closeSync(fd)
  }
  const pid = child.pid
  if (pid === undefined) throw new Error(`${name}: the emulator could not be spawned`)
  let exited = false
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  void exit.then(() => {
    exited = true
  })
  const tail = async () => (await readFile(logPath, 'utf8').catch(() => '')).split('\n').slice(-40).join('\n')

  for (let attempt = 0; ; attempt++) {
    if (exited) throw new Error(`${name}: the emulator exited at start; log ${logPath}:\n${await tail()}`)
    if (await accepts(invokePort)) break
    if (attempt > 100) throw new Error(`${name}: the emulator does not listen on ${invokePort}; log ${logPath}`)
    await sleep(50)
  }

  return {
    name,
    pid,
    logPath,
    async invoke<T>(event: unknown): Promise<T> {
      const response = await fetch(`http://127.0.0.1:${invokePort}/2015-03-31/functions/function/invocations`, {
        method: 'POST',
        body: JSON.stringify(event),
      })
      const text = await response.text()
      const answer = text === '' ? undefined : (JSON.parse(text) as unknown)
      const failed =
        response.status !== 200 ||
        response.headers.has('x-amz-function-error') ||
        (typeof answer === 'object' && answer !== null && 'errorType' in answer)
      if (failed) throw new Error(`${name} failed (HTTP ${response.status}): ${text}\nlog ${logPath}:\n${await tail()}`)
      return answer as T
    },
    async initDurationsMs() {
      const log = await readFile(logPath, 'utf8')
      return [...log.matchAll(/INIT REPORT\(durationMs: ([0-9.]+)\)/g)].map((match) => Number(match[1]))
    },
    async stop() {
      if (exited) return
      try {
        process.kill(-pid, 'SIGTERM')
      } catch {}
      const stopped = await Promise.race([exit.then(() => true), sleep(3000).then(() => false)])
      if (!stopped) {
        try {
          process.kill(-pid, 'SIGKILL')
        } catch {}
        await exit
      }
    },
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}
