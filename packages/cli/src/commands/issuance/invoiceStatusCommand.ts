import type { Command } from '../../framework/Command.ts'
import { invoiceApiOptions } from '../../invoiceApi/invoiceApiOptions.ts'

export const invoiceStatusCommand: Command = {
  path: ['invoice', 'status'],
  summary: "show an invoice's state: PENDING, PAID, MINTED (with the mint transaction), EXPIRED or CANCELED",
  usage: 'chainops invoice status <payment-hash> [--wait] [--timeout-seconds S] [--api URL] [--json]',
  options: {
    wait: {
      type: 'boolean',
      description: 'poll until the invoice is MINTED, EXPIRED or CANCELED (progress on stderr)',
    },
    'timeout-seconds': { type: 'string', value: 'S', description: 'how long --wait waits', default: '600' },
    ...invoiceApiOptions,
    json: { type: 'boolean', description: "print the API's answer as JSON" },
  },
  help: 'Exit 0 when the state shown is MINTED or not final, 1 when EXPIRED or CANCELED.',
  async run(input) {
    const { runInvoiceStatus } = await import('./runInvoiceStatus.ts')
    return runInvoiceStatus(input)
  },
}
