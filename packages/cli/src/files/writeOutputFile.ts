import { writeFile } from 'node:fs/promises'
import { CliError } from '../errors/CliError.ts'

export type WriteOutputFileOptions = { force?: boolean; mode?: number }

/** Writes a file the user asked for; refuses to replace one unless `force` (CLI_FILE_EXISTS). */
export async function writeOutputFile(path: string, text: string, options: WriteOutputFileOptions = {}): Promise<void> {
  try {
    await writeFile(path, text, { flag: options.force ? 'w' : 'wx', mode: options.mode ?? 0o644 })
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code
    throw new CliError({
      code: code === 'EEXIST' ? 'CLI_FILE_EXISTS' : 'CLI_FILE_UNREADABLE',
      shortMessage: code === 'EEXIST' ? `${path} exists (pass --force to replace it)` : `cannot write ${path}`,
      details: code ?? String(cause),
      cause,
    })
  }
}
