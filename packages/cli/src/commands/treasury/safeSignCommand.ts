import { layoutOptions } from '../../files/layoutOptions.ts'
import { passphrasesFileOptions } from '../../files/passphrasesFileOptions.ts'
import type { Command } from '../../framework/Command.ts'
import { safeFileFlowHelp } from '../../help/safeFileFlowHelp.ts'
import { rpcOptions } from '../../rpc/rpcOptions.ts'

export const safeSignCommand: Command = {
  path: ['safe', 'sign'],
  summary: "add one owner's signature to a Safe transaction file",
  usage:
    'chainops safe sign TX.json --rpc URL (--key-file FILE | --trezor-double-mnemonic-file FILE --tier T --path P [--passphrases-file FILE] [--layout FILE]) [--out FILE] [--json]',
  options: {
    ...rpcOptions,
    'key-file': {
      type: 'string',
      value: 'FILE',
      description: 'sign with this 0x private key, mode 600',
      default: 'none: give it or --trezor-double-mnemonic-file',
    },
    'trezor-double-mnemonic-file': {
      type: 'string',
      value: 'FILE',
      description: 'sign on the Trezor double holding this BIP-39 mnemonic, mode 600',
      default: 'none: give it or --key-file',
    },
    tier: {
      type: 'string',
      value: 'T',
      description: "with the Trezor double: the signing owner's tier",
      default: 'none (needed with the Trezor double)',
    },
    path: {
      type: 'string',
      value: 'P',
      description: "with the Trezor double: the signing owner's BIP-44 path",
      default: 'none (needed with the Trezor double)',
    },
    ...passphrasesFileOptions,
    ...layoutOptions,
    out: {
      type: 'string',
      value: 'FILE',
      description: 'write the signed file here instead',
      default: 'TX.json itself',
    },
    json: { type: 'boolean', description: 'print the signed transaction file as JSON' },
  },
  help: [
    'The owner signs the EIP-712 SafeTx, either with a software key (--key-file: a 0x private key) or',
    'through the Trezor signer over TrezorConnectDouble, a software device holding the mnemonic of',
    '--trezor-double-mnemonic-file, opened with the tier passphrase from --passphrases-file (the',
    'layout must name --tier/--path). The RPC is read to check that the signer is an owner and that',
    "the file's hash is the Safe contract's own; nothing is sent.",
    '',
    safeFileFlowHelp,
  ].join('\n'),
  async run(input) {
    const { runSafeSign } = await import('./runSafeSign.ts')
    return runSafeSign(input)
  },
}
