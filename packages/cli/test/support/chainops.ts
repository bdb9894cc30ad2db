import { execFile } from 'node:child_process'
import { chainopsBin } from './chainopsBin.ts'

export type ChainopsResult = { code: number; stdout: string; stderr: string }

export type ChainopsOptions = {
  /** Milliseconds before the process is killed (it then reports code 1). */
  timeout?: number
  /** Variables set over this process's environment. */
  env?: NodeJS.ProcessEnv
  /** Bytes of stdout or stderr before the process is killed (Node's default, 1 MiB, otherwise). */
  maxBuffer?: number
}

/** Runs the real `bin/chainops` in a fresh process (stdin not a terminal); never rejects. */
export function chainops(args: readonly string[], options: ChainopsOptions = {}): Promise<ChainopsResult> {
  const { timeout = 120_000, env, maxBuffer } = options
  return new Promise((resolve) => {
    execFile(
      chainopsBin,
      args,
      {
        encoding: 'utf8',
        timeout,
        ...(env === undefined ? {} : { env: { ...process.env, ...env } }),
        ...(maxBuffer === undefined ? {} : { maxBuffer }),
      },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr })
      },
    )
  })
}
