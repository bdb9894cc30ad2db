import type { Command } from '../../framework/Command.ts'
import { rpcOptions } from '../../rpc/rpcOptions.ts'

export const safeCreateCommand: Command = {
  path: ['safe', 'create'],
  summary: 'create an M-of-N Safe (the central reward Safe) with the given owners',
  usage: 'chainops safe create --rpc URL --key-file FILE --owners A,B,C --threshold M [--salt-nonce N] [--json]',
  options: {
    ...rpcOptions,
    'key-file': {
      type: 'string',
      value: 'FILE',
      description: 'the 0x private key that pays for the deployment (not an owner), mode 600',
      required: true,
    },
    owners: {
      type: 'string',
      value: 'A,B,C',
      description: 'the owner addresses (the tier-A Safe owners)',
      required: true,
    },
    threshold: {
      type: 'string',
      value: 'M',
      description: 'owner signatures a transaction needs, 1 to the owner count',
      required: true,
    },
    'salt-nonce': {
      type: 'string',
      value: 'N',
      description: 'the CREATE2 salt nonce (same arguments, same Safe)',
      default: '0',
    },
    json: { type: 'boolean', description: 'print { address, owners, threshold, transactionHash } as JSON' },
  },
  help: [
    'The owners are the tier-A Safe owner addresses (see `chainops treasury addresses`). The address is',
    'CREATE2 from (owners, threshold, salt nonce): the same arguments again connect to the same Safe.',
  ].join('\n'),
  async run(input) {
    const { runSafeCreate } = await import('./runSafeCreate.ts')
    return runSafeCreate(input)
  },
}
