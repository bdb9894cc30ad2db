import type { Command } from '../../framework/Command.ts'
import { sealerRpcOptions } from '../../rpc/sealerRpcOptions.ts'

export const cliqueProposeCommand: Command = {
  path: ['clique', 'propose'],
  summary: 'make one sealer vote to add (or with --drop, remove) a signer (clique_propose)',
  usage: 'chainops clique propose --rpc URL|IPC --address ADDR [--drop] [--json]',
  options: {
    ...sealerRpcOptions,
    address: {
      type: 'string',
      value: 'ADDR',
      description: 'the signer to vote in (or out, with --drop)',
      required: true,
    },
    drop: { type: 'boolean', description: 'vote to remove --address instead of adding it' },
    json: { type: 'boolean', description: 'print { address, auth, rpc } as JSON' },
  },
  help: [
    "--rpc must reach a sealer's clique API: its geth.ipc socket (sealers from `chainops geth config` serve no HTTP),",
    "or a devnet sealer over HTTP. The vote rides on that sealer's blocks until a majority of signers agrees;",
    'run it against more than half of the sealers. Check with `chainops clique signers`.',
  ].join('\n'),
  async run(input) {
    const { runCliquePropose } = await import('./runCliquePropose.ts')
    return runCliquePropose(input)
  },
}
