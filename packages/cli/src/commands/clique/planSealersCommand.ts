import type { Command } from '../../framework/Command.ts'

export const planSealersCommand: Command = {
  path: ['plan', 'sealers'],
  summary: 'how many Clique sealers keep sealing with K of them down (2K+1)',
  usage: 'chainops plan sealers --tolerate-failures K [--json]',
  options: {
    'tolerate-failures': {
      type: 'string',
      value: 'K',
      description: 'sealers that may be down while the chain keeps sealing',
      required: true,
    },
    json: { type: 'boolean', description: 'print the plan as JSON' },
  },
  help: 'Clique needs floor(N/2)+1 live signers, so N = 2K+1 and an even count adds no tolerance.',
  async run(input) {
    const { runPlanSealers } = await import('./runPlanSealers.ts')
    return runPlanSealers(input)
  },
}
