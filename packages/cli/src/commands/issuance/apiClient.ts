import { IssuanceCliError } from './IssuanceCliError.ts'

/** The default address of `chainops serve`'s invoice API. */
export const DEFAULT_API_PORT = 8787

/** `--api`, else `$CHAINOPS_API_URL`, else `http://127.0.0.1:8787`, without a trailing slash. */
export function apiUrl(flag: unknown): string {
  const value =
    typeof flag === 'string' && flag ? flag : process.env.CHAINOPS_API_URL || `http://127.0.0.1:${DEFAULT_API_PORT}`
  return value.replace(/\/+$/, '')
}

/** One call to the invoice API; an error answer becomes `CLI_API_ERROR` carrying the API's code and message. */
export async function callApi(
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
    throw new IssuanceCliError({
      code: 'CLI_API_UNREACHABLE',
      shortMessage: `the invoice API at ${base} did not answer`,
      details: `${(cause as Error).cause ?? (cause as Error).message}; is \`chainops serve\` running? (--api or $CHAINOPS_API_URL)`,
    })
  }
  const text = await response.text()
  let parsed: Record<string, unknown>
  try {
    parsed = JSON.parse(text) as Record<string, unknown>
  } catch {
    throw new IssuanceCliError({
      code: 'CLI_API_ERROR',
      shortMessage: `the invoice API answered HTTP ${response.status} with a body that is not JSON`,
    })
  }
  if (!response.ok) {
    const error = (parsed.error ?? {}) as { code?: string; message?: string; details?: string }
    throw new IssuanceCliError({
      code: 'CLI_API_ERROR',
      shortMessage: `${error.code ?? `HTTP ${response.status}`}: ${error.message ?? 'request failed'}`,
      details: error.details,
    })
  }
  return parsed
}
