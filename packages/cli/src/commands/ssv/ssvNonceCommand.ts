import type { Command } from '../../framework/Command.ts'
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
  async run(input) {
    const { runSsvNonce } = await import('./runSsvNonce.ts')
    return runSsvNonce(input)
  },
}
