import type { Command } from '../../framework/Command.ts'
import { sealerRpcOptions } from '../../rpc/sealerRpcOptions.ts'

export const cliqueDiscardCommand: Command = {
  path: ['clique', 'discard'],
  summary: "withdraw one sealer's pending vote about a signer (clique_discard)",
  usage: 'chainops clique discard --rpc URL|IPC --address ADDR [--json]',
  options: {
    ...sealerRpcOptions,
    address: { type: 'string', value: 'ADDR', description: 'the signer the pending vote is about', required: true },
    json: { type: 'boolean', description: 'print { address, discarded, rpc } as JSON' },
  },
  help: [
    '--rpc must reach the sealer that cast the vote (its geth.ipc socket, or a devnet sealer over HTTP). A vote',
    'already counted in a block stays counted; this only stops the sealer from casting it again.',
  ].join('\n'),
  async run(input) {
    const { runCliqueDiscard } = await import('./runCliqueDiscard.ts')
    return runCliqueDiscard(input)
  },
}
