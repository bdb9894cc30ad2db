/**
 * A one-line description of an error from `lightning` (arrays `[code, message, {err}]`), btcd or
 * anything else. Only codes and messages are kept: never request metadata, where a macaroon lives.
 */
export function describeLightningError(error: unknown): string {
  if (Array.isArray(error)) {
    const [code, message, extra] = error as [unknown, unknown, { err?: { details?: unknown } } | undefined]
    const detail = typeof extra?.err?.details === 'string' ? `: ${extra.err.details}` : ''
    return `${String(code)} ${String(message)}${detail}`
  }
  if (error instanceof Error) return error.message
  return String(error)
}
