import type { Command } from '../../framework/Command.ts'
import { rpcOptions } from '../../rpc/rpcOptions.ts'

export const splitsCreateCommand: Command = {
  path: ['splits', 'create'],
  summary: 'create a SplitsV2 push split (team pool + personal payouts) controlled by the Safe',
  usage:
    'chainops splits create --rpc URL --key-file FILE --factory ADDR --owner ADDR --recipients ADDR=PPM,... [--distribution-incentive PPM] [--json]',
  options: {
    ...rpcOptions,
    'key-file': {
      type: 'string',
      value: 'FILE',
      description: 'the 0x private key that pays, on one line, mode 600',
      required: true,
    },
    factory: { type: 'string', value: 'ADDR', description: 'the SplitsV2 PushSplitFactory', required: true },
    owner: { type: 'string', value: 'ADDR', description: "the split's controller (the reward Safe)", required: true },
    recipients: {
      type: 'string',
      value: 'ADDR=PPM,...',
      description: 'shares in parts per million summing to 1000000, in order',
      required: true,
    },
    'distribution-incentive': {
      type: 'string',
      value: 'PPM',
      description: 'ppm of each distribution paid to whoever distributes (at most 65535)',
      default: '0',
    },
    json: { type: 'boolean', description: 'print { address, hash, recipients } as JSON' },
  },
  help: [
    'On a local chain --factory is the PushSplitFactoryDouble. With the reward Safe as --owner, updates need',
    "its owners' signatures. The order of --recipients is part of the split's hash.",
  ].join('\n'),
  async run(input) {
    const { runSplitsCreate } = await import('./runSplitsCreate.ts')
    return runSplitsCreate(input)
  },
}
