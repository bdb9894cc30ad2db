import type { Command } from '../../framework/Command.ts'
import { invoiceApiOptions } from '../../invoiceApi/invoiceApiOptions.ts'

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
  async run(input) {
    const { runInvoiceCreate } = await import('./runInvoiceCreate.ts')
    return runInvoiceCreate(input)
  },
}
