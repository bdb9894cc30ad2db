import type { Command } from '../../framework/Command.ts'

export const obolDefinitionSignCommand: Command = {
  path: ['obol', 'definition', 'sign'],
  summary: "add the creator's or an operator's EIP-712 signatures (and the operator's ENR) to a cluster definition",
  usage:
    'chainops obol definition sign FILE (--key-file F | --mnemonic-file F --cluster N --operator M) [--role operator|creator] [--enr enr:…] [--passphrases-file F] [--layout F] [--out FILE] [--json]',
  options: {
    role: {
      type: 'string',
      value: 'ROLE',
      description: 'operator (config hash and ENR signatures) or creator (config hash signature)',
      default: 'operator',
    },
    enr: {
      type: 'string',
      value: 'enr:…',
      description: "the operator's charon node ENR",
      default: 'none: needed for --role operator, refused for creator',
    },
    'key-file': {
      type: 'string',
      value: 'FILE',
      description: 'a secp256k1 private key in hex, mode 600',
      default: 'none: give it or --mnemonic-file',
    },
    'mnemonic-file': {
      type: 'string',
      value: 'FILE',
      description: 'the treasury BIP-39 words, mode 600: signs as ObolClusterNOperatorM of the DVTNodeKeys tier',
      default: 'none: give it or --key-file',
    },
    'slip39-share-file': {
      type: 'string',
      value: 'FILE',
      description: 'SLIP-39 shares instead of --mnemonic-file, one a line',
      default: 'none',
    },
    cluster: {
      type: 'string',
      value: 'N',
      description: 'Obol cluster number, from 1 (with --mnemonic-file)',
      default: 'none (needed with --mnemonic-file)',
    },
    operator: {
      type: 'string',
      value: 'M',
      description: 'operator number in the cluster, from 1 (with --mnemonic-file)',
      default: 'none (needed with --mnemonic-file)',
    },
    'passphrases-file': {
      type: 'string',
      value: 'FILE',
      description: 'JSON tier passphrases; the DVTNodeKeys one is used',
      default: 'the empty passphrase',
    },
    layout: { type: 'string', value: 'FILE', description: 'a treasury layout JSON', default: 'the default layout' },
    out: { type: 'string', value: 'FILE', description: 'write the signed definition there', default: 'replace FILE' },
    json: { type: 'boolean', description: 'print { file, role, address, configHash, definitionHash } as JSON' },
  },
  help: "The key never leaves the process and is never printed. Operator M of Obol cluster N is the key at m/44'/60'/(10+N-1)'/0/(M-1) of the default layout.",
  async run(input) {
    const { runObolDefinitionSign } = await import('./runObolDefinitionSign.ts')
    return runObolDefinitionSign(input)
  },
}
