import { QueueError } from './QueueError.ts'

/** The `QUEUE_CLOSED` error of a call on a closed queue. */
export function queueClosed(): QueueError {
  return new QueueError({ code: 'QUEUE_CLOSED', shortMessage: 'Queue is closed' })
}
