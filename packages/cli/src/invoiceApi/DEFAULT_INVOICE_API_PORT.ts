/** The port `chainops serve`'s invoice API listens on unless `--port` says otherwise. */
export const DEFAULT_INVOICE_API_PORT = 8787
