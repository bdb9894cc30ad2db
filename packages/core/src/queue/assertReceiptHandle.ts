import { invalidQueueInput } from './invalidQueueInput.ts'

/** Asserts a receipt handle: a non-empty string of at most `maxLength` characters (the adapter's own handles' limit). */
export function assertReceiptHandle(receiptHandle: string, maxLength: number): void {
  if (typeof receiptHandle !== 'string' || receiptHandle.length === 0 || receiptHandle.length > maxLength)
    throw invalidQueueInput('a receipt handle is a non-empty string from receive()')
}
