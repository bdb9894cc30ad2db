import { CliqueError } from '../errors/CliqueError.ts'
import { formatRatio } from '../units/formatRatio.ts'

export type PlanCapacityParameters = {
  /** Target transactions per second. */
  tps: number
  /** Clique period in seconds. */
  period: number
  /** Gas per transaction; 21000 for a plain transfer. */
  gasPerTx?: bigint
  /** Extra room above the target, in percent. Default 20. */
  headroomPercent?: number
}

export type PlanCapacityReturnType = {
  /** tps x period x gasPerTx: the gas one block must hold to carry the target. */
  requiredGasPerBlock: bigint
  /** The gas limit to configure: the requirement plus headroom, rounded up. */
  gasLimit: bigint
  /** gasLimit - requiredGasPerBlock. */
  headroomGas: bigint
  headroomPercent: number
  /** Transactions per block and per second at `gasLimit` (rounded down). */
  transactionsPerBlock: bigint
  maxTps: string
  summary: string
}

function fail(path: string, shortMessage: string): never {
  throw new CliqueError({ code: 'CLIQUE_PLAN_INVALID', shortMessage, path })
}

/**
 * The block gas limit a Clique chain needs for `tps` transactions of `gasPerTx` every `period`
 * seconds, with headroom. geth's sealers steer the limit towards their `miner.gaslimit`
 * (GasCeil) by 1/1024 a block, so the sealers' config must carry the same number.
 */
export function planCapacity(parameters: PlanCapacityParameters): PlanCapacityReturnType {
  const { tps, period, gasPerTx = 21_000n, headroomPercent = 20 } = parameters
  if (!Number.isSafeInteger(tps) || tps < 1) fail('tps', 'tps must be a positive integer')
  if (!Number.isSafeInteger(period) || period < 1) fail('period', 'period must be a positive whole number of seconds')
  if (typeof gasPerTx !== 'bigint' || gasPerTx < 21_000n)
    fail('gasPerTx', 'gasPerTx must be a bigint of at least 21000')
  if (!Number.isSafeInteger(headroomPercent) || headroomPercent < 0 || headroomPercent > 1000) {
    fail('headroomPercent', 'headroomPercent must be an integer from 0 to 1000')
  }
  const requiredGasPerBlock = BigInt(tps) * BigInt(period) * gasPerTx
  const scaled = requiredGasPerBlock * BigInt(100 + headroomPercent)
  const gasLimit = (scaled + 99n) / 100n
  if (gasLimit > 2n ** 63n - 1n) fail('tps', 'the plan needs a gas limit beyond what geth accepts (2^63-1)')
  const transactionsPerBlock = gasLimit / gasPerTx
  const maxTps = formatRatio(gasLimit, gasPerTx * BigInt(period), 2)
  return {
    requiredGasPerBlock,
    gasLimit,
    headroomGas: gasLimit - requiredGasPerBlock,
    headroomPercent,
    transactionsPerBlock,
    maxTps,
    summary: `${tps} TPS x ${period} s x ${gasPerTx} gas = ${requiredGasPerBlock} gas a block; gasLimit ${gasLimit} (+${headroomPercent}%) carries ${maxTps} TPS. Set the same value as the sealers' miner.gaslimit.`,
  }
}
