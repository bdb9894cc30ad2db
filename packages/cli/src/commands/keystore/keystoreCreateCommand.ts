import type { Command } from '../../framework/Command.ts'

export const keystoreCreateCommand: Command = {
  path: ['keystore', 'create'],
  summary: 'EIP-2335 keystores of the validator signing keys of a BIP-39 mnemonic (EIP-2334 paths)',
  usage:
    'chainops keystore create --mnemonic-file FILE --password-file FILE [--index N] [--count C] [--kdf scrypt|pbkdf2] [--passphrase-file FILE] [--out DIR] [--json]',
  options: {
    'mnemonic-file': {
      type: 'string',
      value: 'FILE',
      description: 'the BIP-39 words, mode 600',
      default: 'a hidden prompt when stdin is a terminal',
    },
    'password-file': {
      type: 'string',
      value: 'FILE',
      description: 'the keystore password (at least 8 characters), mode 600',
      default: 'a hidden prompt when stdin is a terminal',
    },
    'passphrase-file': {
      type: 'string',
      value: 'FILE',
      description: 'the BIP-39 passphrase ("mnemonic password" of the deposit CLI), mode 600',
      default: 'the empty passphrase',
    },
    index: { type: 'string', value: 'N', description: 'the first validator index', default: '0' },
    count: { type: 'string', value: 'C', description: 'how many consecutive validators', default: '1' },
    kdf: { type: 'string', value: 'scrypt|pbkdf2', description: 'the keystore KDF', default: 'scrypt (n = 2^18)' },
    out: { type: 'string', value: 'DIR', description: 'where the keystore files go', default: 'the current directory' },
    json: { type: 'boolean', description: 'print [{ index, path, pubkey, uuid, file }] as JSON' },
  },
  help: [
    'Writes keystore-m_12381_3600_<i>_0_0-<timestamp>.json per validator, as the deposit CLI names them, and',
    'never replaces a file. The mnemonic and the password come only from files (or a hidden prompt), never',
    'from a flag; neither, nor any key, is ever printed. Progress goes to stderr when there is more than one key.',
  ].join('\n'),
  async run(input) {
    const { runKeystoreCreate } = await import('./runKeystoreCreate.ts')
    return runKeystoreCreate(input)
  },
}
