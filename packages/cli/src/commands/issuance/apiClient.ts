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

/** The states an invoice does not leave. */
export const FINAL_INVOICE_STATES: ReadonlySet<string> = new Set(['MINTED', 'EXPIRED', 'CANCELED'])

/**
 * Polls `GET /invoices/{hash}` until the invoice is MINTED, EXPIRED or CANCELED and returns that
 * status; `onState` hears each state once as it is first seen. `CLI_TIMEOUT` after `timeoutMs`.
 */
export async function waitForFinalInvoice(
  base: string,
  paymentHash: string,
  options: { timeoutMs: number; intervalMs: number; onState?: ((state: string) => void) | undefined },
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + options.timeoutMs
  let shown = ''
  for (;;) {
    const status = await callApi(base, 'GET', `/invoices/${paymentHash.toLowerCase()}`)
    const state = String(status.state)
    if (FINAL_INVOICE_STATES.has(state)) return status
    if (state !== shown) {
      shown = state
      options.onState?.(state)
    }
    if (Date.now() > deadline)
      throw new IssuanceCliError({
        code: 'CLI_TIMEOUT',
        shortMessage: `the invoice is still ${state} after ${options.timeoutMs / 1000} s`,
      })
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs))
  }
}
