import type { AttributeValue } from '@aws-sdk/client-dynamodb'
import type { StoredRecord } from '../../store/Store.ts'

/** A DynamoDB item or key, as the SDK's low-level client takes and returns them. */
export type DynamoDbItem = Record<string, AttributeValue>

/**
 * How a `Store` record lies in the DynamoDbStore table: one item `{ t: table, k: key, v: version,
 * j: JSON text, w: write token }`, `t` the partition key and `k` the sort key, both strings.
 */
export const dynamoDbRecordCodec = {
  /** The primary key of a record. */
  key(table: string, key: string): DynamoDbItem {
    return { t: { S: table }, k: { S: key } }
  },
  /** The item of a record at `version` with its JSON text and the token of the write that puts it. */
  item(table: string, key: string, version: number, text: string, token: string): DynamoDbItem {
    return { t: { S: table }, k: { S: key }, v: { N: String(version) }, j: { S: text }, w: { S: token } }
  },
  /** The record an item holds, its JSON text parsed. */
  record<TValue>(item: DynamoDbItem): StoredRecord<TValue> {
    return {
      table: item.t?.S ?? '',
      key: item.k?.S ?? '',
      version: Number(item.v?.N),
      value: JSON.parse(item.j?.S ?? 'null') as TValue,
    }
  },
  /** An item's version, or undefined without an item (no record). */
  version(item: DynamoDbItem | undefined): number | undefined {
    return item?.v?.N === undefined ? undefined : Number(item.v.N)
  },
  /** An item's JSON text, unparsed. */
  text(item: DynamoDbItem): string {
    return item.j?.S ?? 'null'
  },
  /**
   * The condition of a write that expects the record at `version`, or absent when `version` is 0,
   * asking for the stored item back if the condition fails.
   */
  condition(version: number): {
    ConditionExpression: string
    ExpressionAttributeNames: Record<string, string>
    ExpressionAttributeValues?: DynamoDbItem
    ReturnValuesOnConditionCheckFailure: 'ALL_OLD'
  } {
    return version === 0
      ? {
          ConditionExpression: 'attribute_not_exists(#k)',
          ExpressionAttributeNames: { '#k': 'k' },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }
      : {
          ConditionExpression: '#v = :v',
          ExpressionAttributeNames: { '#v': 'v' },
          ExpressionAttributeValues: { ':v': { N: String(version) } },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }
  },
  /** The write token of an item: equal to ours when an SDK retry finds the write it had made. */
  token(item: DynamoDbItem | undefined): string | undefined {
    return item?.w?.S
  },
} as const
