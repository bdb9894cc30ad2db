import { formatCoins, planSupply } from '@chainops/clique'
import { usageError } from '../../errors/usageError.ts'
import { bigintFlag } from '../../flags/bigintFlag.ts'
import { coinsFlag } from '../../flags/coinsFlag.ts'
import { integerFlag } from '../../flags/integerFlag.ts'
import type { CommandInput } from '../../framework/Command.ts'
import { formatTable } from '../../output/formatTable.ts'
import { toJsonText } from '../../output/toJsonText.ts'

const wholeCoins = (value: unknown, name: string) => bigintFlag(value, name, undefined)

const whole = (value: unknown, name: string, min = 0) => integerFlag(value, name, undefined, { min })

/** What `chainops plan supply` does once its flags are parsed; loaded only when that command runs. */
export async function runPlanSupply({ values, positionals, io }: CommandInput): Promise<number> {
  if (positionals.length > 0) throw usageError(`unexpected argument "${positionals[0]}"`)
  const parameters = {
    coldWalletCoins: wholeCoins(values['cold-wallet'], 'cold-wallet'),
    emergencyWallets: whole(values['emergency-wallets'], 'emergency-wallets'),
    emergencyWalletCoins: wholeCoins(values['emergency-wallet'], 'emergency-wallet'),
    operatorFloatCoins: wholeCoins(values['operator-float'], 'operator-float'),
    tps: whole(values.tps, 'tps'),
    feePerTxWei: values['fee-per-tx'] === undefined ? undefined : coinsFlag(values['fee-per-tx'], 'fee-per-tx'),
    years: whole(values.years, 'years', 1),
    daysPerYear: whole(values['days-per-year'], 'days-per-year', 1),
    refillDays: whole(values['refill-days'], 'refill-days', 1),
    operatorLossCapPercent: whole(values['loss-cap-percent'], 'loss-cap-percent'),
  }
  const plan = planSupply(
    Object.fromEntries(Object.entries(parameters).filter(([, value]) => value !== undefined)) as Parameters<
      typeof planSupply
    >[0],
  )
  const errors = plan.findings.filter((f) => f.severity === 'error').length
  if (values.json) {
    io.out(toJsonText(plan))
  } else {
    io.out(formatTable(['ITEM', 'COINS'], [...plan.lines.map((l) => [l.item, l.coins])]))
    io.out(
      `\ncold wallet and float last ${plan.coldWalletYears} years; operator loss cap ${formatCoins(plan.operatorLossCapWei)} coins`,
    )
    io.out(
      `\n${formatTable(
        ['SEVERITY', 'CODE', 'MESSAGE'],
        plan.findings.map((f) => [f.severity, f.code, f.message]),
      )}`,
    )
  }
  return errors > 0 ? 1 : 0
}
