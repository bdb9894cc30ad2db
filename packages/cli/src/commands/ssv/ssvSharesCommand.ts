import type { Command } from '../../framework/Command.ts'

export const ssvSharesCommand: Command = {
  path: ['ssv', 'shares'],
  summary: 'split validator keys into SSV key shares for a cluster: a keyshares file as ssv-keys 1.1.0 writes it',
  usage:
    'chainops ssv shares --keystore FILE [--keystore FILE ...] --password-file F (--operators ID:KEYFILE,... | --operators-file JSON) --owner 0x... --nonce N [--out FILE] [--force] [--json]',
  options: {
    keystore: {
      type: 'string',
      multiple: true,
      value: 'FILE',
      description: 'an EIP-2335 validator keystore; repeat for several validators in one file (bulk)',
      required: true,
    },
    'password-file': {
      type: 'string',
      value: 'FILE',
      description: 'the keystores password (one for all), mode 600',
      default: 'a hidden prompt when stdin is a terminal',
    },
    operators: {
      type: 'string',
      value: 'ID:KEYFILE,...',
      description: 'the 4, 7, 10 or 13 operators: id and a file with its key (SSV base64 form or a PEM)',
      default: 'none: give it or --operators-file',
    },
    'operators-file': {
      type: 'string',
      value: 'FILE',
      description: 'the operators as JSON: [{ "id": N, "operatorKey": "<SSV base64 key>" }, ...]',
      default: 'none: give it or --operators',
    },
    owner: {
      type: 'string',
      value: '0x...',
      description: 'the account that will call registerValidator',
      required: true,
    },
    nonce: {
      type: 'string',
      value: 'N',
      description: "the owner's SSV nonce for the first validator (then N+1, N+2, ...)",
      required: true,
    },
    out: {
      type: 'string',
      value: 'FILE',
      description: 'where the keyshares file goes',
      default: 'keyshares-<time>.json here',
    },
    force: { type: 'boolean', description: 'replace --out if it exists', default: 'refuse' },
    json: { type: 'boolean', description: 'print { file, ownerAddress, operatorIds, validators } as JSON' },
  },
  help: [
    'Each key is Shamir-split for the operators (threshold n-(n-1)/3), each share encrypted to its',
    "operator's RSA key, and the shares signed for --owner at --nonce (the owner's count of ValidatorAdded",
    'events; `chainops ssv nonce` reads it). The operators are checked before any keystore is decrypted.',
    'No secret is printed; the keyshares file holds only encrypted shares.',
  ].join('\n'),
  async run(input) {
    const { runSsvShares } = await import('./runSsvShares.ts')
    return runSsvShares(input)
  },
}
