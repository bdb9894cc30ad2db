// gRPC UNAVAILABLE and DEADLINE_EXCEEDED: the request did not get an answer from lnd.
const RETRYABLE_GRPC_CODES = new Set([4, 14])
// What lnd answers (gRPC UNKNOWN) while it starts up or before its wallet is unlocked.
const STARTING = /in the process of starting|not yet ready|waiting to start|wallet locked|server is still starting/i

/**
 * True when an error from the `lightning` package means lnd could not be reached or is not ready
 * yet (connection refused or dropped, starting up): worth retrying. A refused permission, a bad
 * argument or an unknown invoice is not.
 */
export function isLndUnavailableError(error: unknown): boolean {
  if (!Array.isArray(error)) return false
  const extra = error[2] as { err?: { code?: unknown; details?: unknown } } | undefined
  const grpc = extra?.err
  if (typeof grpc?.code === 'number' && RETRYABLE_GRPC_CODES.has(grpc.code)) return true
  if (typeof grpc?.details === 'string' && STARTING.test(grpc.details)) return true
  return (
    typeof error[1] === 'string' && /^(FailedToConnect|ConnectionFailure|UnexpectedConnectionFailure)/.test(error[1])
  )
}
