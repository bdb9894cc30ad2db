import { SsvSharesError } from './SsvSharesError.ts'

/**
 * Operator ids ascending, as SSV orders them in `operatorIds` and `sharesData`. Throws
 * `SSV_SHARES_OPERATOR_ID` for an id that is not a positive safe integer and
 * `SSV_SHARES_DUPLICATE_OPERATOR` for an id given twice.
 */
export function sortOperatorIds(operatorIds: readonly number[]): number[] {
  for (const id of operatorIds)
    if (!Number.isSafeInteger(id) || id < 1)
      throw new SsvSharesError({
        code: 'SSV_SHARES_OPERATOR_ID',
        shortMessage: `operator id ${String(id)} is not a positive integer`,
        details: 'SSV operator ids are the uint64 ids the SSVNetwork contract assigned, from 1',
      })
  const sorted = [...operatorIds].sort((a, b) => a - b)
  for (let i = 1; i < sorted.length; i++)
    if (sorted[i] === sorted[i - 1])
      throw new SsvSharesError({
        code: 'SSV_SHARES_DUPLICATE_OPERATOR',
        shortMessage: `operator ${sorted[i]} is given twice`,
        details: `operator ids: ${operatorIds.join(', ')}`,
      })
  return sorted
}
