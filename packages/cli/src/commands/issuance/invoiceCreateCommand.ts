import { usageError } from '../../errors/usageError.ts'
import type { Command } from '../../framework/Command.ts'
import { callInvoiceApi } from '../../invoiceApi/callInvoiceApi.ts'
import { invoiceApiOptions } from '../../invoiceApi/invoiceApiOptions.ts'
import { invoiceApiUrl } from '../../invoiceApi/invoiceApiUrl.ts'

export const invoiceCreateCommand: Command = {
  path: ['invoice', 'create'],
  summary: 'create a Lightning invoice that mints coins to an address once paid',
  usage: 'chainops invoice create --address 0x... --sats N [--memo TEXT] [--expiry-seconds S] [--api URL] [--json]',
  options: {
    address: {
      type: 'string',
      value: '0x...',
      description: 'the address the coins are minted to (EIP-55 when mixed case)',
      required: true,
    },
    sats: { type: 'string', value: 'N', description: 'the amount to pay, in sats', required: true },
    memo: { type: 'string', value: 'TEXT', description: "the invoice's description", default: 'none' },
    'expiry-seconds': { type: 'string', value: 'S', description: 'how long the invoice can be paid', default: '3600' },
    ...invoiceApiOptions,
    json: { type: 'boolean', description: "print the API's answer as JSON" },
  },
  help: 'Asks the invoice API of `chainops serve`. The address and amount are checked there (EIP-55 checksum, zero address, bounds, inbound liquidity) and refused with the API error code. Prints the payment hash and the BOLT 11 request to pay.',
  async run({ values, io }) {
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
  },
}
