import { SsvSharesError } from './SsvSharesError.ts'

/** The cluster sizes SSV runs: 3f+1 operators tolerating f faults. */
const OPERATOR_COUNTS: readonly number[] = [4, 7, 10, 13]

/**
 * How many of `operatorCount` shares sign for the validator: n - f with n = 3f+1 (4 -> 3, 7 -> 5,
 * 10 -> 7, 13 -> 9). Throws `SSV_SHARES_OPERATOR_COUNT` for any other count.
 */
export function sharesThreshold(operatorCount: number): number {
  if (!OPERATOR_COUNTS.includes(operatorCount))
    throw new SsvSharesError({
      code: 'SSV_SHARES_OPERATOR_COUNT',
      shortMessage: `${operatorCount} operators: SSV clusters have 4, 7, 10 or 13`,
      details: 'a cluster is 3f+1 operators (f = 1..4); pick 4, 7, 10 or 13 operator ids',
    })
  return operatorCount - (operatorCount - 1) / 3
}
