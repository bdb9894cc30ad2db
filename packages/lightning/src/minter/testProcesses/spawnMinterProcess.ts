import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { Hex } from 'viem'
import { LightningError } from '../../errors/LightningError.ts'
import type { MinterProcessConfig } from './runMinterProcess.ts'

export type MinterProcessEvent = { event: string; [field: string]: unknown }

export type MinterProcess = {
  readonly child: ChildProcess
  readonly events: MinterProcessEvent[]
  readonly stderr: () => string
  /** Resolves with the first event (seen before or after the call) that matches. */
  waitFor(predicate: (event: MinterProcessEvent) => boolean, timeoutMs?: number): Promise<MinterProcessEvent>
  /** SIGKILL, resolved once the process is gone. */
  kill(): Promise<void>
  /** SIGTERM (graceful), resolved once it exited. */
  stop(): Promise<void>
  readonly exited: Promise<number | null>
}

const minterScript = fileURLToPath(new URL('./runMinterProcess.ts', import.meta.url))

/**
 * Runs `runMinterProcess.ts` (or another script of the same protocol: config JSON in
 * CHAINOPS_MINTER_CONFIG, the key in CHAINOPS_MINTER_KEY, JSON events on stdout) in a child Node
 * process that tests kill at will.
 */
export function spawnMinterProcess(
  config: MinterProcessConfig | object,
  key: Hex,
  options: { script?: string | undefined; env?: Record<string, string> | undefined } = {},
): MinterProcess {
  const child = spawn(process.execPath, ['--disable-warning=DEP0123', options.script ?? minterScript], {
    env: { ...process.env, ...options.env, CHAINOPS_MINTER_CONFIG: JSON.stringify(config), CHAINOPS_MINTER_KEY: key },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const events: MinterProcessEvent[] = []
  const listeners = new Set<(event: MinterProcessEvent) => void>()
  let buffer = ''
  let errors = ''
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk
    let newline = buffer.indexOf('\n')
    while (newline >= 0) {
      const line = buffer.slice(0, newline)
      buffer = buffer.slice(newline + 1)
      newline = buffer.indexOf('\n')
      if (!line.trim()) continue
      let event: MinterProcessEvent
      try {
        event = JSON.parse(line) as MinterProcessEvent
      } catch {
        continue
      }
      events.push(event)
      for (const listener of listeners) listener(event)
    }
  })
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    errors = (errors + chunk).slice(-20_000)
  })
  // 'close', not 'exit': 'exit' can fire before the last lines the child wrote have been read from
  // its stdout, and a SIGKILLed child's final events (a delivery, a PAID record) would go uncounted.
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)))
  return {
    child,
    events,
    stderr: () => errors,
    exited,
    waitFor(predicate, timeoutMs = 60_000) {
      const seen = events.find(predicate)
      if (seen) return Promise.resolve(seen)
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(listener)
          reject(
            new LightningError({
              code: 'MINT_TIMEOUT',
              shortMessage: `minter process: no awaited event within ${timeoutMs} ms`,
              details: `stderr tail:\n${errors.slice(-3000)}`,
            }),
          )
        }, timeoutMs)
        const listener = (event: MinterProcessEvent) => {
          if (!predicate(event)) return
          clearTimeout(timer)
          listeners.delete(listener)
          resolve(event)
        }
        listeners.add(listener)
        void exited.then((code) => {
          if (!listeners.has(listener)) return
          clearTimeout(timer)
          listeners.delete(listener)
          reject(
            new LightningError({
              code: 'MINT_STOPPED',
              shortMessage: `minter process exited (${code}) before the awaited event`,
              details: `stderr tail:\n${errors.slice(-3000)}`,
            }),
          )
        })
      })
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      await exited
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      await exited
    },
  }
}
