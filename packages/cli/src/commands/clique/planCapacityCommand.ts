import { planCapacity } from '@chainops/clique'
import { usageError } from '../../errors/usageError.ts'
import { bigintFlag } from '../../flags/bigintFlag.ts'
import { integerFlag } from '../../flags/integerFlag.ts'
import { requiredIntegerFlag } from '../../flags/requiredIntegerFlag.ts'
import type { Command } from '../../framework/Command.ts'
import { formatTable } from '../../output/formatTable.ts'
import { toJsonText } from '../../output/toJsonText.ts'

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
  async run({ values, positionals, io }) {
    if (positionals.length > 0) throw usageError(`unexpected argument "${positionals[0]}"`)
    const tps = requiredIntegerFlag(values.tps, 'tps', { min: 1 })
    const period = requiredIntegerFlag(values.period, 'period', { min: 1 })
    const gasPerTx = bigintFlag(values['gas-per-tx'], 'gas-per-tx', 21_000n, 21_000n) as bigint
    const headroomPercent = integerFlag(values.headroom, 'headroom', 20, { max: 1000 }) as number
    const plan = planCapacity({ tps, period, gasPerTx, headroomPercent })
    const gas = (value: bigint) => value.toLocaleString('en-US')
    io.out(
      values.json
        ? toJsonText({ tps, period, gasPerTx, ...plan })
        : `${formatTable(
            ['PLAN', 'VALUE'],
            [
              ['gas a block needs', gas(plan.requiredGasPerBlock)],
              ['gas limit', gas(plan.gasLimit)],
              ['headroom', `${gas(plan.headroomGas)} gas (${plan.headroomPercent}%)`],
              ['transactions a block', gas(plan.transactionsPerBlock)],
              ['max TPS', plan.maxTps],
            ],
          )}\n\n${plan.summary}`,
    )
    return 0
  },
}
