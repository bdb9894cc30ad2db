import { UnitsError } from './UnitsError.ts'

/** Asserts `decimals` is a whole number of decimal places, 0 to 255 (the range of an ERC-20 `decimals()`). */
export function assertDecimals(decimals: number): void {
  if (!Number.isSafeInteger(decimals) || decimals < 0 || decimals > 255)
    throw new UnitsError({
      code: 'UNITS_INVALID_DECIMALS',
      shortMessage: 'Invalid number of decimals',
      details: 'expected a whole number from 0 to 255',
    })
}
