import { DevnetError } from '../DevnetError.ts'

/**
 * An error answer from a geth JSON-RPC endpoint: `DEVNET_RPC_FAILED`, with the server's own code
 * in `rpcCode` (e.g. -32601 method not found).
 */
export class GethRpcError extends DevnetError {
  override name = 'GethRpcError'
  readonly rpcCode: number
  constructor(parameters: { method: string; rpcCode: number; message: string }) {
    super({
      code: 'DEVNET_RPC_FAILED',
      shortMessage: `geth ${parameters.method} answered an error: ${parameters.message} (${parameters.rpcCode})`,
    })
    this.rpcCode = parameters.rpcCode
  }
}
