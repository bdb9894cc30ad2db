import type { Logger } from '@chainops/core'
import type { CreateInvoiceParameters } from '../invoices/createInvoice.ts'

/** What the invoice API needs: everything `createInvoice` takes except the caller's fields. */
export type InvoiceApiDependencies = Omit<CreateInvoiceParameters, 'address' | 'sats' | 'memo'> & {
  /** Unexpected errors are logged here (the logger redacts secrets); default: not logged. */
  logger?: Logger | undefined
}
