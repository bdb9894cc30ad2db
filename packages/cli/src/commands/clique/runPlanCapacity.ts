import { planCapacity } from '@chainops/clique'
import { usageError } from '../../errors/usageError.ts'
import { bigintFlag } from '../../flags/bigintFlag.ts'
import { integerFlag } from '../../flags/integerFlag.ts'
import { requiredIntegerFlag } from '../../flags/requiredIntegerFlag.ts'
import type { CommandInput } from '../../framework/Command.ts'
import { formatTable } from '../../output/formatTable.ts'
import { toJsonText } from '../../output/toJsonText.ts'

/** What `chainops plan capacity` does once its flags are parsed; loaded only when that command runs. */
export async function runPlanCapacity({ values, positionals, io }: CommandInput): Promise<number> {
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
}
