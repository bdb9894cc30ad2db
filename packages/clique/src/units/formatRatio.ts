import { CliqueError } from '../errors/CliqueError.ts'

/**
 * `numerator / denominator` as a decimal string rounded half-up to `decimals` places, exactly
 * (bigint arithmetic): formatRatio(4_700_000n, 105_000n, 2) -> `44.76`. A zero denominator or a
 * `decimals` that is not a whole number from 0 to 100 is CLIQUE_RATIO_INVALID.
 */
export function formatRatio(numerator: bigint, denominator: bigint, decimals = 2): string {
  if (denominator === 0n) {
    throw new CliqueError({
      code: 'CLIQUE_RATIO_INVALID',
      shortMessage: 'a ratio needs a non-zero denominator',
      path: 'denominator',
      details: `${numerator}/0`,
    })
  }
  if (!Number.isSafeInteger(decimals) || decimals < 0 || decimals > 100) {
    throw new CliqueError({
      code: 'CLIQUE_RATIO_INVALID',
      shortMessage: 'decimals must be a whole number from 0 to 100',
      path: 'decimals',
      details: `got ${decimals}`,
    })
  }
  const negative = numerator < 0n !== denominator < 0n && numerator !== 0n
  const n = numerator < 0n ? -numerator : numerator
  const d = denominator < 0n ? -denominator : denominator
  const scale = 10n ** BigInt(decimals)
  const scaled = (n * scale * 2n + d) / (2n * d)
  const whole = (scaled / scale).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  const fraction = decimals > 0 ? `.${(scaled % scale).toString().padStart(decimals, '0')}` : ''
  return `${negative ? '-' : ''}${whole}${fraction}`
}
