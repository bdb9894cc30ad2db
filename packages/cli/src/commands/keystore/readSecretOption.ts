import { Secret } from '@chainops/core'
import { CliError } from '../../errors/CliError.ts'
import { usageError } from '../../errors/usageError.ts'
import { readSecretFile } from '../../files/readSecretFile.ts'
import type { CommandIo } from '../../framework/Command.ts'
import { promptHidden } from './promptHidden.ts'

/**
 * A mnemonic or password from its `--<option>` file (one trailing newline dropped), or from a
 * hidden prompt when stdin is a terminal: never from a flag's value, which `ps` and shell history
 * would keep.
 */
export async function readSecretOption(
  values: Record<string, unknown>,
  option: string,
  prompt: string,
  io: CommandIo,
  /** A second prompt that must get the same text (a new keystore password), when prompting. */
  confirm?: string,
): Promise<Secret<string>> {
  const file = values[option]
  if (typeof file === 'string') {
    const text = readSecretFile(file, option, io)
    const trimmed = text.reveal().replace(/\r?\n$/, '')
    text.wipe()
    return new Secret(trimmed)
  }
  if (!process.stdin.isTTY) throw usageError(`--${option} is required (stdin is not a terminal to prompt on)`)
  let entered: Secret<string>
  try {
    entered = await promptHidden(prompt)
  } catch (cause) {
    throw new CliError({ code: 'CLI_USAGE', shortMessage: `no ${option.replace(/-file$/, '')} entered`, cause })
  }
  if (confirm === undefined) return entered
  const again = await promptHidden(confirm)
  const same = again.reveal() === entered.reveal()
  again.wipe()
  if (!same) {
    entered.wipe()
    throw usageError(`the two ${option.replace(/-file$/, '')}s entered differ`)
  }
  return entered
}
