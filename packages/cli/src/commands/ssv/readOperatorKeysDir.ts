import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { CliError } from '../../errors/CliError.ts'
import { readSecretFile } from '../../files/readSecretFile.ts'
import type { CommandIo } from '../../framework/Command.ts'

/** `<operator id>.pem` files of a directory as { id: PEM text }; other files are ignored. */
export function readOperatorKeysDir(dir: string, io: CommandIo): Record<number, string> {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch (cause) {
    throw new CliError({
      code: 'CLI_FILE_UNREADABLE',
      shortMessage: `cannot read the --operator-keys-dir ${dir}`,
      details: (cause as NodeJS.ErrnoException).code ?? 'unknown reason',
      cause,
    })
  }
  const keys: Record<number, string> = {}
  for (const name of names) {
    const match = /^(\d+)\.pem$/.exec(name)
    if (!match) continue
    const secret = readSecretFile(join(dir, name), 'operator-keys-dir', io)
    keys[Number(match[1])] = secret.reveal()
  }
  return keys
}
