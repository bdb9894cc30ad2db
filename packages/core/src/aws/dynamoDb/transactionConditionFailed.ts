import type { StoreError } from '../../store/StoreError.ts'
import { storeConditionFailed } from '../../store/storeConditionFailed.ts'
import { storeVersionMismatch } from '../../store/storeVersionMismatch.ts'
import type { DynamoDbTransactionEntry } from './DynamoDbTransactionEntry.ts'

/**
 * The STORE_CONDITION_FAILED error of a commit cancelled on `entry`, which DynamoDB found at version
 * `found` (undefined: no record). A write reads as the same call outside a transaction would; a
 * record only read says what the transaction read and what was there at commit.
 */
export function transactionConditionFailed(entry: DynamoDbTransactionEntry, found: number | undefined): StoreError {
  const { table, key, expected } = entry
  if (entry.written) {
    if (expected === 0) return storeConditionFailed(table, key, 'the key already exists')
    return storeVersionMismatch(table, key, expected, found)
  }
  const read = expected === 0 ? 'no record' : `version ${expected}`
  const now = found === undefined ? 'no record' : `version ${found}`
  return storeConditionFailed(table, key, `the transaction read ${read}, found ${now} at commit`)
}
