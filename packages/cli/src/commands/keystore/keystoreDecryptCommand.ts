import type { Command } from '../../framework/Command.ts'

export const keystoreDecryptCommand: Command = {
  path: ['keystore', 'decrypt'],
  summary: 'check an EIP-2335 keystore password: decrypt, then print pubkey, path and uuid (never the secret)',
  usage: 'chainops keystore decrypt FILE --password-file FILE [--json]',
  options: {
    'password-file': {
      type: 'string',
      value: 'FILE',
      description: 'the keystore password, mode 600',
      default: 'a hidden prompt when stdin is a terminal',
    },
    json: { type: 'boolean', description: 'print { pubkey, path, uuid, kdf, description } as JSON' },
  },
  help: [
    'Exit 0 when the password opens the keystore and the secret is the key of its pubkey; exit 1 with',
    'KEYSTORE_WRONG_PASSWORD (or another KEYSTORE_ code) otherwise. The secret key is wiped, never printed.',
  ].join('\n'),
  async run(input) {
    const { runKeystoreDecrypt } = await import('./runKeystoreDecrypt.ts')
    return runKeystoreDecrypt(input)
  },
}
