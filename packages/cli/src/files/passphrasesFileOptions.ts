import type { CommandOptions } from '../framework/Command.ts'

/** `--passphrases-file`, the flag readPassphrasesFile reads, for the treasury commands that derive keys. */
export const passphrasesFileOptions: CommandOptions = {
  'passphrases-file': {
    type: 'string',
    value: 'FILE',
    description: 'JSON from tier name to passphrase, mode 600',
    default: 'the empty passphrase for every tier',
  },
}
