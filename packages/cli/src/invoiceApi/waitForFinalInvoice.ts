import { CliError } from '../errors/CliError.ts'
import { callInvoiceApi } from './callInvoiceApi.ts'

/** The states an invoice does not leave. */
const FINAL_INVOICE_STATES: ReadonlySet<string> = new Set(['MINTED', 'EXPIRED', 'CANCELED'])

export type WaitForFinalInvoiceOptions = {
  timeoutMs: number
  intervalMs: number
  /** Hears each state once, as it is first seen. */
  onState?: ((state: string) => void) | undefined
}

/**
 * Polls `GET /invoices/{hash}` until the invoice is MINTED, EXPIRED or CANCELED and returns that
 * status. `CLI_TIMEOUT` after `timeoutMs`.
 */
export async function waitForFinalInvoice(
  base: string,
  paymentHash: string,
  options: WaitForFinalInvoiceOptions,
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + options.timeoutMs
  let shown = ''
  for (;;) {
    const status = await callInvoiceApi(base, 'GET', `/invoices/${paymentHash.toLowerCase()}`)
    const state = String(status.state)
    if (FINAL_INVOICE_STATES.has(state)) return status
    if (state !== shown) {
      shown = state
      options.onState?.(state)
    }
    if (Date.now() > deadline)
      throw new CliError({
        code: 'CLI_TIMEOUT',
        shortMessage: `the invoice is still ${state} after ${options.timeoutMs / 1000} s`,
      })
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs))
  }
}
