import { WEI_PER_COIN } from '@chainops/core'
import { CliqueError } from '../errors/CliqueError.ts'
import { formatCoins } from '../units/formatCoins.ts'
import { formatRatio } from '../units/formatRatio.ts'

export type PlanSupplyParameters = {
  /** Coins in the cold wallet. Source plan: 30,000,000,000. */
  coldWalletCoins?: bigint
  /** Emergency refill wallets and coins in each. Source plan: 10,000,000 each; the count is not given there. */
  emergencyWallets?: number
  emergencyWalletCoins?: bigint
  /** What the operator holds at all times and spends in about a month. Source plan: 30,000,000. */
  operatorFloatCoins?: bigint
  /** Sustained transactions per second. Source plan: 1000. */
  tps?: number
  /** Average gas cost of one transaction in wei. Source plan: 0.01 coin. */
  feePerTxWei?: bigint
  /** Horizon the cold wallet must last. Source plan: 100 years. */
  years?: number
  /** Days in a year; the source plan computes with 30 x 12 = 360. */
  daysPerYear?: number
  /** Days between operator refills. Source plan: about a month (30 days). */
  refillDays?: number
  /** Share of total supply the operator may lose if its hot key is stolen. Source plan: 1%. */
  operatorLossCapPercent?: number
}

export type SupplyFinding = {
  code:
    | 'HORIZON_EXCEEDS_COLD_WALLET'
    | 'HORIZON_WITHIN_COLD_WALLET'
    | 'YEAR_IS_360_DAYS'
    | 'FLOAT_SHORT_OF_REFILL_PERIOD'
    | 'FLOAT_COVERS_REFILL_PERIOD'
    | 'OPERATOR_LOSS_OVER_CAP'
    | 'OPERATOR_LOSS_WITHIN_CAP'
    | 'FEES_LEAVE_CIRCULATION'
  severity: 'error' | 'warning' | 'info'
  message: string
}

export type PlanSupplyReturnType = {
  /** Genesis allocation in wei: cold wallet + emergency wallets + operator float. */
  totalSupplyWei: bigint
  coldWalletWei: bigint
  emergencyWei: bigint
  operatorFloatWei: bigint
  /** Wei spent on gas per second, per refill period and over the horizon at `tps`. */
  spendPerSecondWei: bigint
  spendPerRefillWei: bigint
  spendOverHorizonWei: bigint
  /** Years (of `daysPerYear`) the cold wallet plus float last at `tps`, two decimals. */
  coldWalletYears: string
  /** 1% (or the cap) of total supply, in wei. */
  operatorLossCapWei: bigint
  findings: SupplyFinding[]
  /** Lines for a human table. */
  lines: { item: string; coins: string }[]
}

const SECONDS_PER_DAY = 86_400n

function positiveInteger(value: number, path: string): bigint {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new CliqueError({
      code: 'CLIQUE_PLAN_INVALID',
      shortMessage: `${path} must be a non-negative integer`,
      path,
      details: `got ${value}`,
    })
  }
  return BigInt(value)
}

function nonNegative(value: bigint, path: string): bigint {
  if (typeof value !== 'bigint' || value < 0n) {
    throw new CliqueError({ code: 'CLIQUE_PLAN_INVALID', shortMessage: `${path} must be a non-negative bigint`, path })
  }
  return value
}

/**
 * The coin plan of the source document, checked: a cold wallet, emergency wallets, an operator
 * float refilled about monthly, sized so that `tps` transactions at `feePerTxWei` last `years`
 * and an operator compromise loses at most `operatorLossCapPercent` of supply. The findings say
 * where the numbers do not add up. Every amount is exact bigint wei.
 */
export function planSupply(parameters: PlanSupplyParameters = {}): PlanSupplyReturnType {
  const coldWalletWei = nonNegative(parameters.coldWalletCoins ?? 30_000_000_000n, 'coldWalletCoins') * WEI_PER_COIN
  const emergencyWallets = positiveInteger(parameters.emergencyWallets ?? 3, 'emergencyWallets')
  const emergencyEachWei =
    nonNegative(parameters.emergencyWalletCoins ?? 10_000_000n, 'emergencyWalletCoins') * WEI_PER_COIN
  const operatorFloatWei =
    nonNegative(parameters.operatorFloatCoins ?? 30_000_000n, 'operatorFloatCoins') * WEI_PER_COIN
  const tps = positiveInteger(parameters.tps ?? 1000, 'tps')
  const feePerTxWei = nonNegative(parameters.feePerTxWei ?? 10n ** 16n, 'feePerTxWei')
  const years = positiveInteger(parameters.years ?? 100, 'years')
  const daysPerYear = positiveInteger(parameters.daysPerYear ?? 360, 'daysPerYear')
  const refillDays = positiveInteger(parameters.refillDays ?? 30, 'refillDays')
  const lossCapPercent = positiveInteger(parameters.operatorLossCapPercent ?? 1, 'operatorLossCapPercent')
  if (daysPerYear === 0n || refillDays === 0n) {
    throw new CliqueError({
      code: 'CLIQUE_PLAN_INVALID',
      shortMessage: 'daysPerYear and refillDays must be positive',
      path: 'daysPerYear',
    })
  }

  const emergencyWei = emergencyWallets * emergencyEachWei
  const totalSupplyWei = coldWalletWei + emergencyWei + operatorFloatWei
  const spendPerSecondWei = tps * feePerTxWei
  const secondsPerYear = daysPerYear * SECONDS_PER_DAY
  const spendPerYearWei = spendPerSecondWei * secondsPerYear
  const spendOverHorizonWei = spendPerYearWei * years
  const spendPerRefillWei = spendPerSecondWei * refillDays * SECONDS_PER_DAY
  const coldWalletYears =
    spendPerYearWei === 0n ? 'forever' : formatRatio(coldWalletWei + operatorFloatWei, spendPerYearWei, 2)
  const operatorLossCapWei = (totalSupplyWei * lossCapPercent) / 100n

  const findings: SupplyFinding[] = []
  const horizon = `${tps} TPS x ${formatCoins(feePerTxWei)} coin x ${years} years of ${daysPerYear} days = ${formatCoins(spendOverHorizonWei)} coins`
  if (spendOverHorizonWei > coldWalletWei + operatorFloatWei) {
    findings.push({
      code: 'HORIZON_EXCEEDS_COLD_WALLET',
      severity: 'warning',
      message: `${horizon}, ${formatCoins(spendOverHorizonWei - coldWalletWei - operatorFloatWei)} more than the cold wallet and float hold (${formatCoins(coldWalletWei + operatorFloatWei)}); they last ${coldWalletYears} years, not ${years}.`,
    })
  } else {
    findings.push({
      code: 'HORIZON_WITHIN_COLD_WALLET',
      severity: 'info',
      message: `${horizon}; the cold wallet and float last ${coldWalletYears} years.`,
    })
  }
  if (daysPerYear === 360n) {
    findings.push({
      code: 'YEAR_IS_360_DAYS',
      severity: 'info',
      message: `the horizon uses 360-day years (30 x 12); with 365-day years it is ${formatCoins(spendPerSecondWei * 365n * SECONDS_PER_DAY * years)} coins.`,
    })
  }
  if (spendPerRefillWei > operatorFloatWei) {
    findings.push({
      code: 'FLOAT_SHORT_OF_REFILL_PERIOD',
      severity: 'warning',
      message: `${refillDays} days at ${tps} TPS spend ${formatCoins(spendPerRefillWei)} coins, more than the operator float of ${formatCoins(operatorFloatWei)}: refill more often or hold more.`,
    })
  } else {
    findings.push({
      code: 'FLOAT_COVERS_REFILL_PERIOD',
      severity: 'info',
      message: `${refillDays} days at ${tps} TPS spend ${formatCoins(spendPerRefillWei)} coins; the float of ${formatCoins(operatorFloatWei)} covers ${spendPerRefillWei === 0n ? 'forever' : formatRatio(operatorFloatWei * refillDays, spendPerRefillWei, 1)} days.`,
    })
  }
  const lossShare = totalSupplyWei === 0n ? '0' : formatRatio(operatorFloatWei * 100n, totalSupplyWei, 3)
  if (operatorFloatWei > operatorLossCapWei) {
    findings.push({
      code: 'OPERATOR_LOSS_OVER_CAP',
      severity: 'error',
      message: `the operator float (${formatCoins(operatorFloatWei)} coins) is ${lossShare}% of supply, above the ${lossCapPercent}% loss cap of ${formatCoins(operatorLossCapWei)} coins.`,
    })
  } else {
    findings.push({
      code: 'OPERATOR_LOSS_WITHIN_CAP',
      severity: 'info',
      message: `a stolen operator float loses ${formatCoins(operatorFloatWei)} coins, ${lossShare}% of supply, within the ${lossCapPercent}% cap (${formatCoins(operatorLossCapWei)} coins).`,
    })
  }
  findings.push({
    code: 'FEES_LEAVE_CIRCULATION',
    severity: 'info',
    message:
      'from London on the base fee is burned (only tips reach the sealer that signed the block), so most coins spent on gas leave circulation: nothing refills the cold wallet.',
  })

  return {
    totalSupplyWei,
    coldWalletWei,
    emergencyWei,
    operatorFloatWei,
    spendPerSecondWei,
    spendPerRefillWei,
    spendOverHorizonWei,
    coldWalletYears,
    operatorLossCapWei,
    findings,
    lines: [
      { item: 'cold wallet', coins: formatCoins(coldWalletWei) },
      {
        item: `emergency wallets (${emergencyWallets} x ${formatCoins(emergencyEachWei)})`,
        coins: formatCoins(emergencyWei),
      },
      { item: 'operator float', coins: formatCoins(operatorFloatWei) },
      { item: 'total supply at genesis', coins: formatCoins(totalSupplyWei) },
      { item: `spend per ${refillDays} days`, coins: formatCoins(spendPerRefillWei) },
      { item: `spend over ${years} years (${daysPerYear}-day)`, coins: formatCoins(spendOverHorizonWei) },
    ],
  }
}
