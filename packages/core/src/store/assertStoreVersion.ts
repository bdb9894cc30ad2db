import { invalidStoreInput } from './invalidStoreInput.ts'

/** Asserts an expected record version: a whole number from 1. */
export function assertStoreVersion(version: number): void {
  if (!Number.isSafeInteger(version) || version < 1) throw invalidStoreInput('a version is a whole number from 1')
}
