import type { DepositDataEntry } from './DepositDataEntry.ts'
import { DepositError } from './DepositError.ts'
import {
  type VerifyDepositDataOptions,
  type VerifyDepositDataReturnType,
  verifyDepositData,
} from './verifyDepositData.ts'

export type AssertDepositDataErrorType = DepositError

/**
 * {@link verifyDepositData}, throwing instead of returning findings: a `DepositError` with the
 * first finding's code, its entry and field in the message, every finding in the details.
 */
export function assertDepositData(
  data: DepositDataEntry | readonly DepositDataEntry[] | string,
  options: VerifyDepositDataOptions = {},
): VerifyDepositDataReturnType {
  const result = verifyDepositData(data, options)
  const [first] = result.findings
  if (first === undefined) return result
  throw new DepositError({
    code: first.code,
    shortMessage: `deposit data ${first.index < 0 ? 'file' : `entry ${first.index}`}, ${first.field}: ${first.message}`,
    details: result.findings.map((f) => `${f.index}.${f.field}: ${f.code}`).join(', '),
  })
}
