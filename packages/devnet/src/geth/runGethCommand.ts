import { execFile } from 'node:child_process'
import { DevnetError } from '../DevnetError.ts'

/**
 * Runs a short geth subcommand (`init`, `account import`) to completion. A failure carries the
 * last lines geth wrote, since that is where it says what was wrong with the input.
 */
export function runGethCommand(binary: string, args: readonly string[], what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(binary, args, { timeout: 60_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (!error) return resolve(`${stdout}${stderr}`)
      const tail = `${stdout}${stderr}`.trimEnd().split('\n').slice(-25).join('\n')
      reject(
        new DevnetError({
          code: 'DEVNET_DAEMON_START_FAILED',
          shortMessage: `geth ${what} failed`,
          details: `geth ${args.join(' ')}\nlast lines:\n${tail || '(no output)'}`,
          cause: error,
        }),
      )
    })
  })
}
