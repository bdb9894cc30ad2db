import { invalidQueueInput } from './invalidQueueInput.ts'
import type { SendMessageParameters } from './Queue.ts'

/** SQS's largest message. */
const MAX_BODY_BYTES = 262_144
/** SQS's alphabet for dedup and group ids: letters, digits and punctuation. */
const ID_PATTERN = /^[\x21-\x7e]{1,128}$/

/** Asserts what `Queue.send` takes: a body of 1 byte to 256 KiB, dedup and group ids of 1 to 128 printable ASCII characters. */
export function assertSendMessageParameters(parameters: SendMessageParameters): void {
  const { body, dedupId, groupId } = parameters
  if (typeof body !== 'string' || body.length === 0 || Buffer.byteLength(body) > MAX_BODY_BYTES)
    throw invalidQueueInput(`a body is a non-empty string of at most ${MAX_BODY_BYTES} bytes`)
  if (typeof dedupId !== 'string' || !ID_PATTERN.test(dedupId))
    throw invalidQueueInput('a dedup id is 1 to 128 printable ASCII characters')
  if (groupId !== undefined && (typeof groupId !== 'string' || !ID_PATTERN.test(groupId)))
    throw invalidQueueInput('a group id is 1 to 128 printable ASCII characters')
}
