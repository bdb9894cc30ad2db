import { readFileSync } from 'node:fs'
import { CliError } from '../errors/CliError.ts'

/**
 * A file the user named, as text. A missing or unreadable file is CLI_FILE_UNREADABLE (exit 1),
 * naming the file and, when given, what it was for (`--layout`, `genesis`).
 */
export function readTextFile(path: string, what?: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (cause) {
    throw new CliError({
      code: 'CLI_FILE_UNREADABLE',
      shortMessage: what === undefined ? `cannot read ${path}` : `cannot read the ${what} file ${path}`,
      details: (cause as NodeJS.ErrnoException).code ?? 'unknown reason',
      cause,
    })
  }
}
