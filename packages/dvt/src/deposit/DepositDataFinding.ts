import type { DepositDataField } from './DepositDataEntry.ts'
import type { DepositErrorCode } from './DepositError.ts'

/** One problem `verifyDepositData` found: which entry, which field, what. */
export type DepositDataFinding = {
  /** The entry's position in the file (0 for a single entry); -1 for the file as a whole. */
  index: number
  /** The field at fault; `entry` when the entry itself is not an object, `file` for the file. */
  field: DepositDataField | 'entry' | 'file'
  code: DepositErrorCode
  message: string
}
