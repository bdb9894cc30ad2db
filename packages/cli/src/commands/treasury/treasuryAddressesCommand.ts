import { layoutOptions } from '../../files/layoutOptions.ts'
import { passphrasesFileOptions } from '../../files/passphrasesFileOptions.ts'
import type { Command } from '../../framework/Command.ts'

export const treasuryAddressesCommand: Command = {
  path: ['treasury', 'addresses'],
  summary: 'derive the address of every role of the layout from a BIP-39 mnemonic or SLIP-39 shares',
  usage:
    'chainops treasury addresses (--mnemonic-file FILE | --slip39-share-file FILE) [--passphrases-file FILE] [--layout FILE] [--json]',
  options: {
    'mnemonic-file': {
      type: 'string',
      value: 'FILE',
      description: 'the BIP-39 words, mode 600',
      default: 'none: give it or --slip39-share-file',
    },
    'slip39-share-file': {
      type: 'string',
      value: 'FILE',
      description: 'SLIP-39 shares, one a line, mode 600',
      default: 'none: give it or --mnemonic-file',
    },
    ...passphrasesFileOptions,
    ...layoutOptions,
    json: { type: 'boolean', description: 'print [{ tier, role, path, address }] as JSON' },
  },
  help: [
    'Give exactly one of --mnemonic-file and --slip39-share-file (the single 20-word share, or enough member',
    'shares of enough groups). --passphrases-file is e.g. {"MasterAdminVault": "..."}; a tier left out uses the',
    'empty passphrase (the standard wallet), as the Trezor does. Secret files should be mode 600 (a warning',
    'otherwise). No word, share or passphrase is ever printed.',
  ].join('\n'),
  async run(input) {
    const { runTreasuryAddresses } = await import('./runTreasuryAddresses.ts')
    return runTreasuryAddresses(input)
  },
}
