import { Secret } from '@chainops/core'
import { TreasuryError } from '../errors/TreasuryError.ts'

/** The text inside a `Secret<string>` or a plain string; anything else is refused without echoing it. */
export function revealText(value: string | Secret<string>, what: string): string {
  const text = value instanceof Secret ? value.reveal() : value
  if (typeof text !== 'string') {
    throw new TreasuryError({
      code: 'SEED_INVALID',
      shortMessage: `${what} must be a string`,
      details: `got ${typeof text}`,
    })
  }
  return text
}
