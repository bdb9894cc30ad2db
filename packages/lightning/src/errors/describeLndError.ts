/**
 * One line describing an error from the `lightning` package (arrays `[code, message, {err}]`) or
 * anything else. Only the codes, the message and the gRPC status details are kept: never the
 * request or response metadata, where a macaroon could travel.
 */
export function describeLndError(error: unknown): string {
  if (Array.isArray(error)) {
    const [code, message, extra] = error as [unknown, unknown, { err?: { code?: unknown; details?: unknown } }?]
    const grpc = extra?.err
    const status = typeof grpc?.code === 'number' ? ` (grpc ${grpc.code})` : ''
    const detail = typeof grpc?.details === 'string' && grpc.details !== '' ? `: ${grpc.details}` : ''
    return `${String(code)} ${String(message)}${status}${detail}`
  }
  if (error instanceof Error) return error.message
  return String(error)
}
