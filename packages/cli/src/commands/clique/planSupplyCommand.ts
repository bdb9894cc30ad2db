import { formatCoins, planSupply } from '@chainops/clique'
import { usageError } from '../../errors/usageError.ts'
import { bigintFlag } from '../../flags/bigintFlag.ts'
import { coinsFlag } from '../../flags/coinsFlag.ts'
import { integerFlag } from '../../flags/integerFlag.ts'
import type { Command } from '../../framework/Command.ts'
import { formatTable } from '../../output/formatTable.ts'
import { toJsonText } from '../../output/toJsonText.ts'

const wholeCoins = (value: unknown, name: string) => bigintFlag(value, name, undefined)
const whole = (value: unknown, name: string, min = 0) => integerFlag(value, name, undefined, { min })

export const planSupplyCommand: Command = {
  path: ['plan', 'supply'],
  summary: 'the coin plan (cold wallet, emergency wallets, operator float, fees over the horizon), checked',
  usage:
    'chainops plan supply [--cold-wallet COINS] [--emergency-wallets N] [--emergency-wallet COINS] [--operator-float COINS] [--tps N] [--fee-per-tx COINS] [--years N] [--days-per-year N] [--refill-days N] [--loss-cap-percent N] [--json]',
  options: {
    'cold-wallet': { type: 'string' },
    'emergency-wallets': { type: 'string' },
    'emergency-wallet': { type: 'string' },
    'operator-float': { type: 'string' },
    tps: { type: 'string' },
    'fee-per-tx': { type: 'string' },
    years: { type: 'string' },
    'days-per-year': { type: 'string' },
    'refill-days': { type: 'string' },
    'loss-cap-percent': { type: 'string' },
    json: { type: 'boolean' },
  },
  help: [
    'Wallet amounts are whole coins, the fee a decimal amount of coins. Defaults are the source plan: cold wallet 30,000,000,000 coins, 3 emergency wallets of 10,000,000, an operator',
    'float of 30,000,000 refilled every 30 days, 1000 TPS at 0.01 coin, 100 years of 360 days, 1% loss cap.',
    'Prints where the plan does not add up; exit code 1 when a finding is an error (e.g. the float exceeds the loss cap).',
  ].join('\n'),
  async run({ values, positionals, io }) {
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
  },
}
