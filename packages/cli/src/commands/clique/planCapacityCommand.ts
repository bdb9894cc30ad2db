import type { Command } from '../../framework/Command.ts'

export const planCapacityCommand: Command = {
  path: ['plan', 'capacity'],
  summary: 'the block gas limit that carries N transactions a second at a Clique period',
  usage: 'chainops plan capacity --tps N --period S [--gas-per-tx G] [--headroom PERCENT] [--json]',
  options: {
    tps: { type: 'string', value: 'N', description: 'transactions a second the chain must carry', required: true },
    period: { type: 'string', value: 'S', description: 'seconds between blocks', required: true },
    'gas-per-tx': {
      type: 'string',
      value: 'G',
      description: 'gas one transaction uses',
      default: '21000, a plain transfer',
    },
    headroom: { type: 'string', value: 'PERCENT', description: 'gas above the need, in percent', default: '20' },
    json: { type: 'boolean', description: 'print the plan as JSON' },
  },
  help: 'Give the sealers the same miner.gaslimit.',
  async run(input) {
    const { runPlanCapacity } = await import('./runPlanCapacity.ts')
    return runPlanCapacity(input)
  },
}
