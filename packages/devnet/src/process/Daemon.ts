import { type ChildProcess, spawn } from 'node:child_process'
import { closeSync, openSync, readFileSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'
import { DevnetError } from '../DevnetError.ts'

export type SpawnDaemonParameters = {
  /** A short name used in errors and the log file name, e.g. `geth-sealer-0`. */
  name: string
  binary: string
  args: readonly string[]
  /** Where stdout and stderr go; kept when a start fails so the tail can be read. */
  logPath: string
  cwd?: string
  env?: NodeJS.ProcessEnv
}

/** Lines from the end of a log file, for error messages. */
export function logTail(path: string, lines = 25): string {
  try {
    return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n')
  } catch {
    return '(no log written)'
  }
}

/** True while a process with this PID exists (signal 0 probes without delivering). */
export function isPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * A daemon this process started. It is only ever stopped by its own PID, never by name, so
 * stacks side by side (or a developer's own geth) are never touched.
 */
// Daemons still running when this process exits are killed by PID, so a crashed test run
// leaves no orphans behind.
const live = new Set<Daemon>()
process.once('exit', () => {
  for (const daemon of live) {
    try {
      process.kill(daemon.pid, 'SIGKILL')
    } catch {}
  }
})

export class Daemon {
  readonly name: string
  readonly pid: number
  readonly logPath: string
  readonly #child: ChildProcess
  #exitCode: number | null | undefined
  readonly exited: Promise<number | null>

  private constructor(name: string, child: ChildProcess, logPath: string) {
    if (child.pid === undefined) {
      throw new DevnetError({ code: 'DEVNET_DAEMON_START_FAILED', shortMessage: `${name} was spawned without a pid` })
    }
    this.name = name
    this.pid = child.pid
    this.logPath = logPath
    this.#child = child
    live.add(this)
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        live.delete(this)
        this.#exitCode = code ?? (signal ? -1 : null)
        resolve(this.#exitCode)
      })
    })
  }

  static spawn(parameters: SpawnDaemonParameters): Daemon {
    const { name, binary, args, logPath, cwd, env } = parameters
    const fd = openSync(logPath, 'a')
    try {
      const child = spawn(binary, args, { cwd, env: env ?? process.env, stdio: ['ignore', fd, fd], detached: false })
      child.once('error', () => {}) // surfaced below as a missing pid or later as an exit
      if (child.pid === undefined) {
        throw new DevnetError({
          code: 'DEVNET_DAEMON_START_FAILED',
          shortMessage: `${name} could not be spawned`,
          details: `${binary} ${args.join(' ')}`,
        })
      }
      return new Daemon(name, child, logPath)
    } finally {
      closeSync(fd)
    }
  }

  get running(): boolean {
    return this.#exitCode === undefined && isPidAlive(this.pid)
  }

  /**
   * Polls `check` until it returns a value other than undefined/false. Fails fast with the log
   * tail if the daemon exits, and with the log tail on timeout.
   */
  async waitUntil<T>(
    what: string,
    check: () => Promise<T | undefined | false>,
    options: { timeoutMs?: number; intervalMs?: number } = {},
  ): Promise<T> {
    const { timeoutMs = 60_000, intervalMs = 200 } = options
    const deadline = Date.now() + timeoutMs
    let lastError: unknown
    while (Date.now() < deadline) {
      if (this.#exitCode !== undefined) {
        throw new DevnetError({
          code: 'DEVNET_DAEMON_START_FAILED',
          shortMessage: `${this.name} exited (code ${this.#exitCode}) while waiting for ${what}`,
          details: `log ${this.logPath}, last lines:\n${logTail(this.logPath)}`,
        })
      }
      try {
        const result = await check()
        if (result !== undefined && result !== false) return result as T
      } catch (error) {
        lastError = error
      }
      await sleep(intervalMs)
    }
    throw new DevnetError({
      code: 'DEVNET_DAEMON_START_FAILED',
      shortMessage: `${this.name} did not reach "${what}" within ${timeoutMs} ms`,
      details: `log ${this.logPath}, last lines:\n${logTail(this.logPath)}`,
      cause: lastError,
    })
  }

  /** SIGTERM by PID, then SIGKILL after `graceMs`. Resolves once the process is gone. */
  async stop(graceMs = 10_000): Promise<void> {
    if (this.#exitCode !== undefined) return
    this.#child.kill('SIGTERM')
    const killed = await Promise.race([this.exited.then(() => true), sleep(graceMs).then(() => false)])
    if (!killed) {
      this.#child.kill('SIGKILL')
      await this.exited
    }
  }
}
