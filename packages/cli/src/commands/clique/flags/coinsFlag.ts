import { isChainopsError, parseUnits } from '@chainops/core'
import { UsageError } from '../../../framework/Command.ts'

/**
 * An amount of coins (18 decimals) as exact wei: `30000000000`, `30_000_000_000`, `0.01`.
 * More than 18 decimals, a sign or anything else is a UsageError, never a rounding.
 */
export function coinsFlag(value: unknown, name: string): bigint {
  const text = String(value).replaceAll('_', '')
  try {
    return parseUnits(text, 18, { what: `--${name}` })
  } catch (error) {
    if (!isChainopsError(error)) throw error
    throw new UsageError(`--${name} must be an amount of coins (up to 18 decimals), got "${String(value)}"`)
  }
}
