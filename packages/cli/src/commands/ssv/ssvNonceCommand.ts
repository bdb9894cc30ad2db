import { getOwnerNonce } from '@chainops/dvt'
import { usageError } from '../../errors/usageError.ts'
import { addressArgument } from '../../flags/addressArgument.ts'
import type { Command } from '../../framework/Command.ts'
import { toJsonText } from '../../output/toJsonText.ts'
import { connectChain } from '../../rpc/connectChain.ts'
import { wrapForeignError } from '../../rpc/wrapForeignError.ts'
import { ssvContractFlags } from './ssvContractFlags.ts'
import { ssvContractOptions } from './ssvContractOptions.ts'

export const ssvNonceCommand: Command = {
  path: ['ssv', 'nonce'],
  summary:
    "an owner's SSV nonce: the count of its ValidatorAdded events, what the next keyshares file must be built for",
  usage: 'chainops ssv nonce --rpc URL --contract 0x… --owner 0x… [--from-block N] [--json]',
  options: {
    ...ssvContractOptions,
    owner: { type: 'string', value: '0x…', description: 'the account that registers the validators', required: true },
    json: { type: 'boolean', description: 'print { owner, contract, nonce } as JSON' },
  },
  help: 'SSVNetwork keeps no nonce: it is counted from the logs, and a removed validator does not give one back.',
  async run({ values, positionals, io }) {
    if (positionals.length > 0) throw usageError(`unexpected argument "${positionals[0]}"`)
    const { contract, fromBlock } = ssvContractFlags(values)
    if (typeof values.owner !== 'string') throw usageError('--owner 0x… is required')
    const owner = addressArgument(values.owner, '--owner')
    const { publicClient } = await connectChain(values, io, false)
    const nonce = await wrapForeignError(() => getOwnerNonce(publicClient, { contract, owner, fromBlock }))
    io.out(values.json ? toJsonText({ owner, contract, nonce }) : String(nonce))
    return 0
  },
}
