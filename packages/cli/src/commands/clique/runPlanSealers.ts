import { planSealers } from '@chainops/clique'
import { usageError } from '../../errors/usageError.ts'
import { requiredIntegerFlag } from '../../flags/requiredIntegerFlag.ts'
import type { CommandInput } from '../../framework/Command.ts'
import { formatTable } from '../../output/formatTable.ts'
import { toJsonText } from '../../output/toJsonText.ts'

/** What `chainops plan sealers` does once its flags are parsed; loaded only when that command runs. */
export async function runPlanSealers({ values, positionals, io }: CommandInput): Promise<number> {
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
}
