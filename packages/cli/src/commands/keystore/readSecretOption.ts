import { isChainopsError, Secret } from '@chainops/core'
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
  const prompted = (text: string) =>
    promptHidden(text).catch((cause: unknown) => {
      if (isChainopsError(cause, 'CLI_PROMPT_INTERRUPTED')) throw cause
      throw new CliError({ code: 'CLI_USAGE', shortMessage: `no ${option.replace(/-file$/, '')} entered`, cause })
    })
  const entered = await prompted(prompt)
  if (confirm === undefined) return entered
  // The first entry is wiped on any failure of the second (interrupted, different, a read error).
  let confirmed = false
  try {
    const again = await prompted(confirm)
    const same = again.reveal() === entered.reveal()
    again.wipe()
    if (!same) throw usageError(`the two ${option.replace(/-file$/, '')}s entered differ`)
    confirmed = true
    return entered
  } finally {
    if (!confirmed) entered.wipe()
  }
}
