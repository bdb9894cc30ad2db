import { readFileSync, statSync } from 'node:fs'
import { Secret } from '@chainops/core'
import { CliError } from '../errors/CliError.ts'
import type { CommandIo } from '../framework/Command.ts'

/**
 * A secret file (mnemonic, shares, passphrases, private key) as a `Secret`. A file others can read
 * is warned about on stderr, not refused: the operator may be on a single-user machine, but
 * should know. Errors name the file and the option, never the content.
 */
export function readSecretFile(path: string, option: string, io: CommandIo): Secret<string> {
  let text: string
  try {
    const { mode } = statSync(path)
    if (mode & 0o077) {
      io.err(
        `warning: ${path} (--${option}) is readable by group or others (mode ${(mode & 0o777).toString(8)}); chmod 600 it`,
      )
    }
    text = readFileSync(path, 'utf8')
  } catch (cause) {
    throw new CliError({
      code: 'CLI_FILE_UNREADABLE',
      shortMessage: `cannot read the --${option} file ${path}`,
      details: (cause as NodeJS.ErrnoException).code ?? 'unknown reason',
      cause,
    })
  }
  return new Secret(text)
}
