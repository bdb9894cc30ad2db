import { planSealers } from '@chainops/clique'
import { usageError } from '../../errors/usageError.ts'
import { requiredIntegerFlag } from '../../flags/requiredIntegerFlag.ts'
import type { Command } from '../../framework/Command.ts'
import { formatTable } from '../../output/formatTable.ts'
import { toJsonText } from '../../output/toJsonText.ts'

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
  async run({ values, positionals, io }) {
    if (positionals.length > 0) throw usageError(`unexpected argument "${positionals[0]}"`)
    const plan = planSealers({
      tolerateFailures: requiredIntegerFlag(values['tolerate-failures'], 'tolerate-failures', { max: 1000 }),
    })
    io.out(
      values.json
        ? toJsonText(plan)
        : `${formatTable(
            ['PLAN', 'VALUE'],
            [
              ['sealers', String(plan.sealers)],
              ['live signers needed', String(plan.quorum)],
              ['may be down', String(plan.tolerateFailures)],
            ],
          )}\n\n${plan.summary}`,
    )
    return 0
  },
}
