import { readFile } from 'node:fs/promises'
import { CliError } from '../../../errors/CliError.ts'

/** Reads a file the user named; a missing or unreadable file is CLI_FILE_UNREADABLE (exit 1). */
export async function readTextFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8')
  } catch (cause) {
    throw new CliError({
      code: 'CLI_FILE_UNREADABLE',
      shortMessage: `cannot read ${path}`,
      details: (cause as NodeJS.ErrnoException).code ?? String(cause),
      cause,
    })
  }
}
