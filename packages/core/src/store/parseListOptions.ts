import { assertStoreTable } from './assertStoreTable.ts'
import { invalidStoreInput } from './invalidStoreInput.ts'
import type { ListOptions } from './Store.ts'

export type ParseListOptionsReturnType = {
  prefix: string
  after: string | undefined
  limit: number
}

/** Checks the table and the options of `Store.list` and fills in the defaults (no prefix, a page of 100). */
export function parseListOptions(table: string, options: ListOptions): ParseListOptionsReturnType {
  assertStoreTable(table)
  const { prefix = '', after, limit = 100 } = options
  if (typeof prefix !== 'string') throw invalidStoreInput('a prefix is a string')
  if (after !== undefined && typeof after !== 'string') throw invalidStoreInput('after is a key')
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > 1000) throw invalidStoreInput('limit is 1 to 1000')
  return { prefix, after, limit }
}
