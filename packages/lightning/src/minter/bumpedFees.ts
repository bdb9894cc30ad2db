import { feesFor } from './feesFor.ts'
import { GWEI, type MinterGasSettings, type MintFees } from './MinterGasSettings.ts'

/**
 * The fees of a re-signature of the same nonce: geth replaces a pooled transaction only when both
 * the fee cap and the tip rise by its price bump (10% by default), so both go up by at least 12.5%
 * (and the cap and the tip to at least what a first signature would get now: a mint signed with a
 * tip below the node's minimum stays unmined otherwise, however often it is bumped). Undefined when the ceiling
 * leaves no room for a valid replacement.
 */
export function bumpedFees(
  previous: MintFees,
  baseFeePerGas: bigint,
  settings: MinterGasSettings = {},
): MintFees | undefined {
  const ceiling = settings.maxFeePerGasCeiling ?? 1000n * GWEI
  const up = (value: bigint) => value + (value + 7n) / 8n
  const fresh = feesFor(baseFeePerGas, { ...settings, maxFeePerGasCeiling: undefined })
  let maxFeePerGas = up(previous.maxFeePerGas)
  if (fresh.maxFeePerGas > maxFeePerGas) maxFeePerGas = fresh.maxFeePerGas
  if (maxFeePerGas > ceiling) maxFeePerGas = ceiling
  let maxPriorityFeePerGas = up(previous.maxPriorityFeePerGas)
  // A mint signed with a tip under today's (other settings, a consumer's): the bump pays today's tip.
  if (fresh.maxPriorityFeePerGas > maxPriorityFeePerGas) {
    maxPriorityFeePerGas = fresh.maxPriorityFeePerGas
    if (maxPriorityFeePerGas > maxFeePerGas) maxPriorityFeePerGas = maxFeePerGas
  }
  if (maxFeePerGas * 10n < previous.maxFeePerGas * 11n || maxPriorityFeePerGas > maxFeePerGas) return undefined
  return { maxFeePerGas, maxPriorityFeePerGas }
}
