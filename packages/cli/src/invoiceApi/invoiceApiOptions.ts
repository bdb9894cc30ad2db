import type { CommandOptions } from '../framework/Command.ts'

/** `--api`, the invoice API of `chainops serve` that callInvoiceApi asks, for the invoice commands. */
export const invoiceApiOptions: CommandOptions = {
  api: {
    type: 'string',
    value: 'URL',
    description: 'the invoice API of `chainops serve`',
    default: '$CHAINOPS_API_URL, else http://127.0.0.1:8787',
  },
}
