import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { freePort } from '@chainops/devnet'
import { pollUntil } from '@chainops/testkit'

export type StartVerdaccioParameters = {
  /** A directory of its own: config, storage, users file and log go there. */
  dir: string
}

export type Verdaccio = {
  /** `http://127.0.0.1:PORT/`, with the trailing slash npm config wants. */
  readonly url: string
  readonly pid: number
  readonly logPath: string
  /** Makes a user (`PUT /-/user/org.couchdb.user:NAME`, as `npm adduser` does) and returns its token. */
  addUser(name: string, password: string): Promise<string>
  /** SIGTERM to its PID, then waits until it has exited. */
  stop(): Promise<void>
}

const root = new URL('../..', import.meta.url).pathname
// Installed by scripts/setup.sh from scripts/verdaccio/package-lock.json.
const binary = join(root, '.tools', 'verdaccio', 'node_modules', 'verdaccio', 'bin', 'verdaccio')

/**
 * Starts Verdaccio offline (`uplinks: {}`: it serves only what is published to it) on a free port
 * of 127.0.0.1, as a process of its own, and resolves once it answers `/-/ping`. Anyone may read;
 * publishing needs a user's token.
 */
export async function startVerdaccio({ dir }: StartVerdaccioParameters): Promise<Verdaccio> {
  if (!existsSync(binary)) throw new Error(`Verdaccio is not installed at ${binary}: run scripts/setup.sh`)
  mkdirSync(join(dir, 'storage'), { recursive: true })
  const port = await freePort()
  const config = join(dir, 'config.yaml')
  writeFileSync(
    config,
    [
      `storage: ${join(dir, 'storage')}`,
      'auth:',
      '  htpasswd:',
      `    file: ${join(dir, 'htpasswd')}`,
      'uplinks: {}',
      'packages:',
      "  '**':",
      '    access: $all',
      '    publish: $authenticated',
      'web:',
      '  enable: false',
      'log: { type: stdout, format: json, level: warn }',
      '',
    ].join('\n'),
  )
  const logPath = join(dir, 'verdaccio.log')
  const log = openSync(logPath, 'w')
  const child: ChildProcess = spawn(process.execPath, [binary, '--config', config, '--listen', `127.0.0.1:${port}`], {
    cwd: dir,
    stdio: ['ignore', log, log],
  })
  const pid = child.pid
  if (pid === undefined) throw new Error('Verdaccio did not start (no PID)')
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  let running = true
  void exited.then(() => {
    running = false
  })
  const url = `http://127.0.0.1:${port}/`
  const stop = async () => {
    if (running) process.kill(pid, 'SIGTERM')
    await exited
  }
  try {
    await pollUntil({
      description: `Verdaccio answering ${url}-/ping`,
      timeoutMs: 30_000,
      intervalMs: 100,
      condition: async () => {
        if (!running) throw new Error(`Verdaccio exited: ${readFileSync(logPath, 'utf8')}`)
        return (await fetch(`${url}-/ping`)).ok
      },
    })
  } catch (error) {
    await stop()
    throw error
  }
  return {
    url,
    pid,
    logPath,
    async addUser(name, password) {
      const response = await fetch(`${url}-/user/org.couchdb.user:${encodeURIComponent(name)}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, password }),
      })
      const body = (await response.json()) as { token?: string; error?: string }
      if (!response.ok || typeof body.token !== 'string')
        throw new Error(`Verdaccio refused the user ${name}: ${response.status} ${body.error ?? ''}`)
      return body.token
    },
    stop,
  }
}
