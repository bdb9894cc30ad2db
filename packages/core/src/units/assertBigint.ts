import { UnitsError } from './UnitsError.ts'

export type AssertBigintOptions = {
  allowNegative?: boolean | undefined
  what?: string | undefined
}

/** Asserts a runtime bigint (callers from plain JavaScript may pass a number), non-negative unless allowed. */
export function assertBigint(value: bigint, options: AssertBigintOptions = {}): void {
  const what = options.what ?? 'amount'
  if (typeof value !== 'bigint')
    throw new UnitsError({
      code: 'UNITS_INVALID_AMOUNT',
      shortMessage: `Invalid ${what}`,
      details: `expected a bigint, received ${typeof value}`,
    })
  if (!options.allowNegative && value < 0n)
    throw new UnitsError({
      code: 'UNITS_INVALID_AMOUNT',
      shortMessage: `Invalid ${what}`,
      details: 'negative amounts are not allowed here',
    })
}
