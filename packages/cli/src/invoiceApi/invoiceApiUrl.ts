import { DEFAULT_INVOICE_API_PORT } from './DEFAULT_INVOICE_API_PORT.ts'

/** `--api`, else `$CHAINOPS_API_URL`, else `http://127.0.0.1:8787`, without a trailing slash. */
export function invoiceApiUrl(flag: unknown): string {
  const value =
    typeof flag === 'string' && flag
      ? flag
      : process.env.CHAINOPS_API_URL || `http://127.0.0.1:${DEFAULT_INVOICE_API_PORT}`
  return value.replace(/\/+$/, '')
}
