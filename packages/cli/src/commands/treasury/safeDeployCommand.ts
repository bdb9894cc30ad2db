import type { Command } from '../../framework/Command.ts'
import { rpcOptions } from '../../rpc/rpcOptions.ts'

export const safeDeployCommand: Command = {
  path: ['safe', 'deploy'],
  summary: 'deploy the Safe v1.4.1 contracts at their canonical addresses (those already there are kept)',
  usage: 'chainops safe deploy --rpc URL --key-file FILE [--json]',
  options: {
    ...rpcOptions,
    'key-file': {
      type: 'string',
      value: 'FILE',
      description: 'the 0x private key that pays, on one line, mode 600',
      required: true,
    },
    json: { type: 'boolean', description: 'print { contracts, deployed } as JSON' },
  },
  help: [
    'Deploys the nine v1.4.1 contracts through the Safe singleton factory (0x914d7Fec6aaC8cd542e72Bca78B30650d45643d7)',
    'with salt 0 and checks each code hash.',
    'The factory must already be on the chain: its presigned deployment covers listed chain ids only, so on',
    'a geth Clique chain it goes into the genesis alloc (safeSingletonFactoryPredeploy from @chainops/treasury,',
    'nonce 1), on Hardhat through placeSafeSingletonFactory.',
  ].join('\n'),
  async run(input) {
    const { runSafeDeploy } = await import('./runSafeDeploy.ts')
    return runSafeDeploy(input)
  },
}
