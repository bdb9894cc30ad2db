import { isChainopsError, parseExactUnits } from '@chainops/core'
import { usageError } from '../errors/usageError.ts'

/**
 * An amount of coins (18 decimals) as exact wei: `30000000000`, `30_000_000_000`, `0.01`.
 * More than 18 decimals, a sign or anything else is a CLI_USAGE error, never a rounding.
 */
export function coinsFlag(value: unknown, name: string): bigint {
  const text = String(value).replaceAll('_', '')
  try {
    return parseExactUnits(text, 18, { what: `--${name}` })
  } catch (error) {
    if (!isChainopsError(error)) throw error
    throw usageError(`--${name} must be an amount of coins (up to 18 decimals), got "${String(value)}"`)
  }
}
