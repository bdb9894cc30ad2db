/** What a DynamoDbStore transaction knows of one record: the version it must find at commit, and its state now. */
export type DynamoDbTransactionEntry = {
  table: string
  key: string
  /** The version the record must have at commit; 0 when it must be absent. */
  expected: number
  /** The record as the transaction sees it now (its own writes included); undefined when absent. */
  current: { version: number; text: string } | undefined
  /** Whether the transaction wrote it (a put or a delete), or only read it. */
  written: boolean
}
