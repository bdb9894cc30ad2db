import { readFileSync } from 'node:fs'
import { CliError } from '../../errors/CliError.ts'

/** A file named by `--option`, as text; unreadable files are a typed error naming the option. */
export function readTextFile(path: string, option: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (cause) {
    throw new CliError({
      code: 'CLI_FILE_UNREADABLE',
      shortMessage: `cannot read the ${option} file ${path}`,
      details: (cause as NodeJS.ErrnoException).code ?? 'unknown reason',
      cause,
    })
  }
}
