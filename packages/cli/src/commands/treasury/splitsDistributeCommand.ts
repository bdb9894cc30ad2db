import type { Command } from '../../framework/Command.ts'
import { rpcOptions } from '../../rpc/rpcOptions.ts'

export const splitsDistributeCommand: Command = {
  path: ['splits', 'distribute'],
  summary: "pay a split's balance of ETH or an ERC-20 out to its recipients",
  usage: 'chainops splits distribute --rpc URL --key-file FILE --split ADDR [--token ADDR] [--from-block N] [--json]',
  options: {
    ...rpcOptions,
    'key-file': {
      type: 'string',
      value: 'FILE',
      description: 'any funded 0x private key, which earns the distribution incentive; mode 600',
      required: true,
    },
    split: { type: 'string', value: 'ADDR', description: 'the split to distribute', required: true },
    token: { type: 'string', value: 'ADDR', description: 'the ERC-20 to distribute', default: 'ETH' },
    'from-block': {
      type: 'string',
      value: 'N',
      description: "where the scan for the split's SplitUpdated events starts",
      default: '0',
    },
    json: { type: 'boolean', description: 'print { hash, token, amount } as JSON (amount in wei or token units)' },
  },
  help: [
    "Distribute is permissionless. The recipients are read from the split's last SplitUpdated event (scanned",
    'from --from-block) and checked against its hash.',
  ].join('\n'),
  async run(input) {
    const { runSplitsDistribute } = await import('./runSplitsDistribute.ts')
    return runSplitsDistribute(input)
  },
}
