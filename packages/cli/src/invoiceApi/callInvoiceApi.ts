import { CliError } from '../errors/CliError.ts'

/**
 * One call to the invoice API of `chainops serve`. No answer is `CLI_API_UNREACHABLE`; an error
 * answer is `CLI_API_ERROR` carrying the API's own code and message.
 */
export async function callInvoiceApi(
  base: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
  let response: Response
  try {
    response = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(30_000),
    })
  } catch (cause) {
    throw new CliError({
      code: 'CLI_API_UNREACHABLE',
      shortMessage: `the invoice API at ${base} did not answer`,
      details: `${(cause as Error).cause ?? (cause as Error).message}; is \`chainops serve\` running? (--api or $CHAINOPS_API_URL)`,
      cause,
    })
  }
  const text = await response.text()
  let parsed: Record<string, unknown>
  try {
    parsed = JSON.parse(text) as Record<string, unknown>
  } catch (cause) {
    throw new CliError({
      code: 'CLI_API_ERROR',
      shortMessage: `the invoice API answered HTTP ${response.status} with a body that is not JSON`,
      cause,
    })
  }
  if (!response.ok) {
    const error = (parsed.error ?? {}) as { code?: string; message?: string; details?: string }
    throw new CliError({
      code: 'CLI_API_ERROR',
      shortMessage: `${error.code ?? `HTTP ${response.status}`}: ${error.message ?? 'request failed'}`,
      details: error.details,
    })
  }
  return parsed
}
