import type { Command } from '../../framework/Command.ts'

export const ssvVerifyCommand: Command = {
  path: ['ssv', 'verify'],
  summary: 'check a keyshares file off-chain (and, with operator private keys, that the shares rebuild the key)',
  usage: 'chainops ssv verify FILE [--operator-keys-dir DIR] [--json]',
  options: {
    'operator-keys-dir': {
      type: 'string',
      value: 'DIR',
      description: 'operator RSA private keys, one PEM per operator named <operator id>.pem',
      default: 'none: structure and signatures only',
    },
    json: { type: 'boolean', description: 'print { valid, validators, findings } as JSON' },
  },
  help: [
    'Nothing on-chain checks shares, and bad ones burn the owner nonce. Checked: operator ids (count, sorted,',
    'unique, payload = data), operator keys, sharesData length, the owner:nonce signature, consecutive nonces and',
    'one cluster in a bulk file. With --operator-keys-dir: each share decrypts to the key of its share public key',
    'and threshold subsets reconstruct the validator key. Exit 0 valid, 1 findings, 2 bad usage.',
  ].join('\n'),
  async run(input) {
    const { runSsvVerify } = await import('./runSsvVerify.ts')
    return runSsvVerify(input)
  },
}
