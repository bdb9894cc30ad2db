import { usageError } from '../../errors/usageError.ts'
import type { CommandInput } from '../../framework/Command.ts'
import { callInvoiceApi } from '../../invoiceApi/callInvoiceApi.ts'
import { invoiceApiUrl } from '../../invoiceApi/invoiceApiUrl.ts'
import { waitForFinalInvoice } from '../../invoiceApi/waitForFinalInvoice.ts'

const FIELDS = [
  'paymentHash',
  'state',
  'address',
  'requestedSats',
  'receivedMsat',
  'mintWei',
  'mintTxHash',
  'mintBlock',
  'createdAt',
  'expiresAt',
  'paidAt',
  'mintedAt',
] as const

/** What `chainops invoice status` does once its flags are parsed; loaded only when that command runs. */
export async function runInvoiceStatus({ positionals, values, io }: CommandInput): Promise<number> {
  const hash = positionals[0]
  if (!hash || positionals.length > 1) throw usageError('give exactly one payment hash')
  if (!/^[0-9a-fA-F]{64}$/.test(hash)) throw usageError('a payment hash is 64 hex characters')
  const timeoutSeconds = values['timeout-seconds'] === undefined ? 600 : Number(values['timeout-seconds'])
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0)
    throw usageError('--timeout-seconds must be a positive number')
  const base = invoiceApiUrl(values.api)
  const status = values.wait
    ? await waitForFinalInvoice(base, hash, {
        timeoutMs: timeoutSeconds * 1000,
        intervalMs: 500,
        onState: (state) => io.progress(`invoice ${hash.slice(0, 12)}…: ${state}`),
      })
    : await callInvoiceApi(base, 'GET', `/invoices/${hash.toLowerCase()}`)
  if (values.json) io.out(JSON.stringify(status, null, 2))
  else
    io.out(
      FIELDS.filter((field) => status[field] !== undefined)
        .map((field) => `${field.padEnd(14)}${status[field]}`)
        .join('\n'),
    )
  return status.state === 'EXPIRED' || status.state === 'CANCELED' ? 1 : 0
}
