import { readFileSync } from 'node:fs'
import { CliError } from '../errors/CliError.ts'

/**
 * A binary file the user named (a TLS cert, a macaroon) as base64, what lnd's clients take.
 * Unreadable is CLI_FILE_UNREADABLE naming the file and its option; the content is never shown.
 */
export function readBase64File(path: string, what: string): string {
  try {
    return readFileSync(path).toString('base64')
  } catch (cause) {
    throw new CliError({
      code: 'CLI_FILE_UNREADABLE',
      shortMessage: `cannot read the ${what} file ${path}`,
      details: (cause as NodeJS.ErrnoException).code ?? 'unknown reason',
      cause,
    })
  }
}
