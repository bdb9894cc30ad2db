import { invalidStoreInput } from './invalidStoreInput.ts'

/** DynamoDB's item limit is 400 KB; staying under it keeps the two stores interchangeable. */
const MAX_VALUE_BYTES = 390_000

/**
 * A `Store` value as the JSON text every adapter stores, or `STORE_INVALID_INPUT` for a value that
 * is not JSON (a bigint, a cycle, `undefined`) or is larger than 390,000 bytes as JSON. The error
 * names the record, never the value.
 */
export function serialiseStoreValue(table: string, key: string, value: unknown): string {
  let text: string | undefined
  try {
    text = JSON.stringify(value)
  } catch (cause) {
    throw invalidStoreInput(`the value for ${table}/${key} is not JSON (a bigint or a cycle?)`, cause)
  }
  if (text === undefined) throw invalidStoreInput(`the value for ${table}/${key} is not JSON`)
  if (Buffer.byteLength(text) > MAX_VALUE_BYTES)
    throw invalidStoreInput(`the value for ${table}/${key} is larger than ${MAX_VALUE_BYTES} bytes as JSON`)
  return text
}
