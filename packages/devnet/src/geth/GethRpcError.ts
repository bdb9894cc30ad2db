/** An error answer from a JSON-RPC endpoint, with the server's code (e.g. -32601 method not found). */
export class GethRpcError extends Error {
  override name = 'GethRpcError'
  readonly code: number
  constructor(code: number, message: string) {
    super(`${message} (${code})`)
    this.code = code
  }
}
