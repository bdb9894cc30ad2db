import { QueueError } from './QueueError.ts'

/** The `QUEUE_INVALID_INPUT` error every `Queue` adapter throws for input it refuses; `details` never hold a body. */
export function invalidQueueInput(details: string): QueueError {
  return new QueueError({ code: 'QUEUE_INVALID_INPUT', shortMessage: 'Invalid queue input', details })
}
