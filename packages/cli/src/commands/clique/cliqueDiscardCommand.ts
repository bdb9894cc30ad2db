import { discard } from '@chainops/clique'
import { getAddress, isAddress } from 'viem'
import { usageError } from '../../errors/usageError.ts'
import { rpcFlag } from '../../flags/rpcFlag.ts'
import type { Command } from '../../framework/Command.ts'
import { toJsonText } from '../../output/toJsonText.ts'
import { sealerRpcOptions } from '../../rpc/sealerRpcOptions.ts'
import { withCliqueClient } from '../../rpc/withCliqueClient.ts'

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
  async run({ values, positionals, io }) {
    if (positionals.length > 0) throw usageError(`unexpected argument "${positionals[0]}"`)
    const rpc = rpcFlag(values.rpc)
    if (values.address === undefined) throw usageError('--address is required (the signer the vote was about)')
    const text = String(values.address)
    if (!isAddress(text, { strict: false })) throw usageError(`--address "${text}" is not a 20-byte hex address`)
    const address = getAddress(text)
    await withCliqueClient(rpc, (client) => discard(client, { address }))
    io.out(
      values.json ? toJsonText({ address, discarded: true, rpc }) : `discarded the vote about ${address} on ${rpc}`,
    )
    return 0
  },
}
