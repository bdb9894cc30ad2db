import { getSigners } from '@chainops/clique'
import { usageError } from '../../errors/usageError.ts'
import { bigintFlag } from '../../flags/bigintFlag.ts'
import { rpcFlag } from '../../flags/rpcFlag.ts'
import type { Command } from '../../framework/Command.ts'
import { toJsonText } from '../../output/toJsonText.ts'
import { sealerRpcOptions } from '../../rpc/sealerRpcOptions.ts'
import { withCliqueClient } from '../../rpc/withCliqueClient.ts'

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
  async run({ values, positionals, io }) {
    if (positionals.length > 0) throw usageError(`unexpected argument "${positionals[0]}"`)
    const rpc = rpcFlag(values.rpc)
    const blockNumber = bigintFlag(values.block, 'block', undefined)
    const signers = await withCliqueClient(rpc, (client) =>
      getSigners(client, blockNumber === undefined ? {} : { blockNumber }),
    )
    io.out(values.json ? toJsonText(signers) : signers.join('\n'))
    return 0
  },
}
