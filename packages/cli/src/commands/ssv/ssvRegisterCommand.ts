import type { Command } from '../../framework/Command.ts'
import { ssvContractOptions } from './ssvContractOptions.ts'

export const ssvRegisterCommand: Command = {
  path: ['ssv', 'register'],
  summary: 'register the validators of a keyshares file with SSVNetwork, from the owner account',
  usage:
    'chainops ssv register KEYSHARES.json --rpc URL --contract 0x… (--key-file F | --mnemonic-file F --tier-path P [--passphrases-file F] [--layout F]) [--amount SSV] [--token 0x…] [--from-block N] [--json]',
  options: {
    ...ssvContractOptions,
    'key-file': {
      type: 'string',
      value: 'FILE',
      description: "the owner's 0x private key, mode 600",
      default: 'none: give it or --mnemonic-file',
    },
    'mnemonic-file': {
      type: 'string',
      value: 'FILE',
      description: "the treasury's BIP-39 mnemonic, mode 600: the owner is a DVTNodeKeys EOA (with --tier-path)",
      default: 'none: give it or --key-file',
    },
    'tier-path': {
      type: 'string',
      value: 'P',
      description:
        "with --mnemonic-file: the owner's DVTNodeKeys path, e.g. m/44'/60'/0'/0/0 (SSV cluster 1 operator 1)",
      default: 'none (needed with --mnemonic-file)',
    },
    'passphrases-file': {
      type: 'string',
      value: 'FILE',
      description: 'with --mnemonic-file: JSON from tier name to passphrase, mode 600 (the DVTNodeKeys entry is used)',
      default: 'the empty passphrase',
    },
    layout: {
      type: 'string',
      value: 'FILE',
      description: 'with --mnemonic-file: a layout JSON; --tier-path must be one of its DVTNodeKeys roles',
      default: 'the source layout',
    },
    amount: {
      type: 'string',
      value: 'SSV',
      description: 'SSV to deposit into the cluster with the registration (18 decimals, e.g. 10 or 2.5)',
      default: '0',
    },
    token: {
      type: 'string',
      value: '0x…',
      description: 'the SSV token to approve --amount of (required for another contract when --amount is not 0)',
      default: 'the SSV token of the mainnet or Hoodi deployment at --contract',
    },
    json: {
      type: 'boolean',
      description: 'print the transactions, the next owner nonce and the cluster snapshot as JSON',
    },
  },
  help: [
    'Nothing is sent until the file passes every off-chain check: it is for this owner and one cluster,',
    "its first nonce is the owner's nonce now (counted from ValidatorAdded logs; a stale file exits 1",
    'naming the expected and found nonce), and the shares verify. Then the cluster snapshot is read from',
    'the logs, the SSV token approved if the allowance is short, and one registerValidator (one',
    'validator) or bulkRegisterValidator (several) sent. Keys are read from files only, never printed.',
  ].join('\n'),
  async run(input) {
    const { runSsvRegister } = await import('./runSsvRegister.ts')
    return runSsvRegister(input)
  },
}
