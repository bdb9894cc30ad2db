import { usageError } from '../../errors/usageError.ts'
import type { CommandInput } from '../../framework/Command.ts'
import { callInvoiceApi } from '../../invoiceApi/callInvoiceApi.ts'
import { invoiceApiUrl } from '../../invoiceApi/invoiceApiUrl.ts'

/** What `chainops invoice create` does once its flags are parsed; loaded only when that command runs. */
export async function runInvoiceCreate({ values, io }: CommandInput): Promise<number> {
  if (typeof values.address !== 'string') throw usageError('--address is required')
  if (typeof values.sats !== 'string' || !/^[1-9][0-9]*$/.test(values.sats))
    throw usageError('--sats must be a positive whole number')
  let expirySeconds: number | undefined
  if (values['expiry-seconds'] !== undefined) {
    expirySeconds = Number(values['expiry-seconds'])
    if (!Number.isSafeInteger(expirySeconds) || expirySeconds < 1)
      throw usageError('--expiry-seconds must be a positive whole number')
  }
  const created = await callInvoiceApi(invoiceApiUrl(values.api), 'POST', '/invoices', {
    address: values.address,
    sats: values.sats,
    ...(typeof values.memo === 'string' ? { memo: values.memo } : {}),
    ...(expirySeconds === undefined ? {} : { expirySeconds }),
  })
  if (values.json) io.out(JSON.stringify(created, null, 2))
  else
    io.out(
      [
        `payment hash  ${created.paymentHash}`,
        `address       ${created.address}`,
        `sats          ${created.sats}`,
        `expires       ${created.expiresAt}`,
        `state         ${created.state}`,
        `request       ${created.request}`,
      ].join('\n'),
    )
  return 0
}
