import { invalidStoreInput } from './invalidStoreInput.ts'

const TABLE_NAME = /^[A-Za-z0-9_.-]{1,128}$/

/** Asserts a `Store` table name: 1 to 128 of `[A-Za-z0-9_.-]`, the same for every adapter. */
export function assertStoreTable(table: string): void {
  if (typeof table !== 'string' || !TABLE_NAME.test(table))
    throw invalidStoreInput('a table name is 1 to 128 characters of letters, digits, _ . -')
}
