/** A framework-free HTTP request: what node:http and API Gateway both reduce to. */
export type ApiRequest = {
  method: string
  /** The path without query string, e.g. `/invoices/ab12…`. */
  path: string
  /** The raw body (UTF-8), if any. */
  body?: string | undefined
}

/** The response: always JSON. */
export type ApiResponse = {
  status: number
  headers: Record<string, string>
  body: string
}
