import type { Command } from '../../framework/Command.ts'

export const depositCreateCommand: Command = {
  path: ['deposit', 'create'],
  summary: 'deposit_data-*.json for validators of a BIP-39 mnemonic, as the official deposit CLI writes it',
  usage:
    'chainops deposit create --mnemonic-file F --index N [--count C] --withdrawal-address 0x… [--compounding] [--amount ETH] --network mainnet|holesky|hoodi [--passphrase-file F] [--out DIR] [--json]',
  options: {
    'mnemonic-file': { type: 'string', value: 'FILE', description: 'the BIP-39 words, mode 600', required: true },
    'passphrase-file': {
      type: 'string',
      value: 'FILE',
      description: 'the BIP-39 passphrase (the deposit CLI\'s "mnemonic password"), mode 600',
      default: 'the empty passphrase',
    },
    index: {
      type: 'string',
      value: 'N',
      description: 'the first validator index, m/12381/3600/N/0/0',
      required: true,
    },
    count: { type: 'string', value: 'C', description: 'validators, at indices N to N+C-1', default: '1' },
    'withdrawal-address': {
      type: 'string',
      value: '0x…',
      description: 'the execution address in the withdrawal credentials',
      required: true,
    },
    compounding: {
      type: 'boolean',
      description: '0x02 (compounding, up to 2048 ETH) withdrawal credentials',
      default: '0x01 (execution address, up to 32 ETH)',
    },
    amount: { type: 'string', value: 'ETH', description: 'each deposit, 1 ETH or more, in ETH', default: '32' },
    network: {
      type: 'string',
      value: 'NAME',
      description: 'mainnet, holesky or hoodi: its genesis fork version is signed over',
      required: true,
    },
    out: {
      type: 'string',
      value: 'DIR',
      description: 'the folder the file is written to',
      default: 'the current folder',
    },
    json: {
      type: 'boolean',
      description: 'print { file, network, deposits: [{ index, pubkey, amount, deposit_data_root }] } as JSON',
    },
  },
  help: [
    'Writes deposit_data-<unix seconds>.json byte for byte as ethstaker-deposit 1.3.1 would for the same',
    'mnemonic, indices, amount, address and network, checks it with `deposit verify`, then prints the',
    'deposits. No keystore is written. The mnemonic and passphrase are read from files only and never printed.',
  ].join('\n'),
  async run(input) {
    const { runDepositCreate } = await import('./runDepositCreate.ts')
    return runDepositCreate(input)
  },
}
