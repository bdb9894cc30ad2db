import type { Command } from '../../framework/Command.ts'
import { sealerRpcOptions } from '../../rpc/sealerRpcOptions.ts'

export const cliqueSignersCommand: Command = {
  path: ['clique', 'signers'],
  summary: 'the authorised Clique signers at a block (clique_getSigners)',
  usage: 'chainops clique signers --rpc URL|IPC [--block N] [--json]',
  options: {
    ...sealerRpcOptions,
    block: {
      type: 'string',
      value: 'N',
      description: 'the block to read the signer set at',
      default: 'the latest block',
    },
    json: { type: 'boolean', description: 'print the addresses as a JSON array' },
  },
  help: 'Needs a node that serves the clique API (a sealer over IPC, or a devnet sealer over HTTP); public RPC nodes refuse it.',
  async run(input) {
    const { runCliqueSigners } = await import('./runCliqueSigners.ts')
    return runCliqueSigners(input)
  },
}
