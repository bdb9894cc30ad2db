import type { TransactWriteItem } from '@aws-sdk/client-dynamodb'
import type { DynamoDbTransactionEntry } from './DynamoDbTransactionEntry.ts'
import { dynamoDbRecordCodec } from './dynamoDbRecordCodec.ts'

export type BuildTransactWriteItemsParameters = {
  tableName: string
  entries: readonly DynamoDbTransactionEntry[]
  /** The transaction's ClientRequestToken, also written as each put item's write token. */
  token: string
}

/**
 * The TransactWriteItems of a DynamoDbStore commit, one per entry in order, each conditioned on
 * the version the transaction first saw (`attribute_not_exists` when it saw no record): a Put for
 * a record it wrote, a Delete for one it deleted, a ConditionCheck for one it only read. Each asks
 * for the item on a failed condition, so the error can say which version was found.
 */
export function buildTransactWriteItems(parameters: BuildTransactWriteItemsParameters): TransactWriteItem[] {
  const { tableName, entries, token } = parameters
  return entries.map((entry): TransactWriteItem => {
    const Key = dynamoDbRecordCodec.key(entry.table, entry.key)
    const common = { TableName: tableName, ...dynamoDbRecordCodec.condition(entry.expected) }
    if (entry.written && entry.current)
      return {
        Put: {
          ...common,
          Item: dynamoDbRecordCodec.item(entry.table, entry.key, entry.current.version, entry.current.text, token),
        },
      }
    if (entry.written && entry.expected !== 0) return { Delete: { ...common, Key } }
    return { ConditionCheck: { ...common, Key } }
  })
}
