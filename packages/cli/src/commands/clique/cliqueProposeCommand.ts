import { propose } from '@chainops/clique'
import { getAddress, isAddress } from 'viem'
import { usageError } from '../../errors/usageError.ts'
import { rpcFlag } from '../../flags/rpcFlag.ts'
import type { Command } from '../../framework/Command.ts'
import { toJsonText } from '../../output/toJsonText.ts'
import { sealerRpcOptions } from '../../rpc/sealerRpcOptions.ts'
import { withCliqueClient } from '../../rpc/withCliqueClient.ts'

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
  async run({ values, positionals, io }) {
    if (positionals.length > 0) throw usageError(`unexpected argument "${positionals[0]}"`)
    const rpc = rpcFlag(values.rpc)
    if (values.address === undefined) throw usageError('--address is required (the signer to add or remove)')
    const text = String(values.address)
    if (!isAddress(text, { strict: false })) throw usageError(`--address "${text}" is not a 20-byte hex address`)
    const address = getAddress(text)
    const auth = values.drop !== true
    await withCliqueClient(rpc, (client) => propose(client, { address, auth }))
    io.out(
      values.json
        ? toJsonText({ address, auth, rpc })
        : `voted to ${auth ? 'add' : 'remove'} ${address} on ${rpc}; it takes effect once a majority of signers votes the same`,
    )
    return 0
  },
}
