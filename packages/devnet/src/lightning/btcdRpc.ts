import { request } from 'node:https'
import type { Secret } from '@chainops/core'
import { DevnetError } from '../DevnetError.ts'

/** How to reach btcd's JSON-RPC server: always HTTPS, checked against btcd's own certificate. */
export type BtcdRpcConnection = {
  /** `https://127.0.0.1:<port>` */
  rpcUrl: string
  rpcUser: string
  rpcPass: Secret<string>
  /** btcd's `rpc.cert` (PEM). */
  cert: string
}

/**
 * One JSON-RPC call to btcd over HTTPS (node:https, no btcctl subprocess per call). A JSON-RPC
 * error answer becomes a `DevnetError` naming the method and btcd's message; the credentials
 * never appear in it.
 */
export function btcdRpc<T>(
  connection: BtcdRpcConnection,
  method: string,
  params: readonly unknown[] = [],
  timeoutMs = 30_000,
): Promise<T> {
  const body = JSON.stringify({ jsonrpc: '1.0', id: 1, method, params })
  const auth = Buffer.from(`${connection.rpcUser}:${connection.rpcPass.reveal()}`).toString('base64')
  return new Promise<T>((resolve, reject) => {
    const req = request(
      connection.rpcUrl,
      {
        method: 'POST',
        ca: connection.cert,
        // Checked against the certificate's DNS name; an IP as TLS server name is deprecated (RFC 6066).
        servername: 'localhost',
        headers: {
          authorization: `Basic ${auth}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('error', (error) => reject(transportError(method, error)))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          let parsed: { result?: T; error?: { code: number; message: string } | null }
          try {
            parsed = JSON.parse(text)
          } catch {
            reject(
              new DevnetError({
                code: 'DEVNET_RPC_FAILED',
                shortMessage: `btcd ${method}: HTTP ${res.statusCode}, not JSON`,
                details: text.slice(0, 500),
              }),
            )
            return
          }
          if (parsed.error) {
            reject(
              new DevnetError({
                code: 'DEVNET_RPC_FAILED',
                shortMessage: `btcd ${method} failed: ${parsed.error.message} (code ${parsed.error.code})`,
              }),
            )
            return
          }
          resolve(parsed.result as T)
        })
      },
    )
    req.on('timeout', () =>
      req.destroy(
        new DevnetError({ code: 'DEVNET_RPC_FAILED', shortMessage: `btcd ${method} timed out after ${timeoutMs} ms` }),
      ),
    )
    req.on('error', (error) => reject(error instanceof DevnetError ? error : transportError(method, error)))
    req.end(body)
  })
}

/** A socket or TLS failure; only the method and the system's message, never the credentials. */
function transportError(method: string, cause: Error): DevnetError {
  return new DevnetError({
    code: 'DEVNET_RPC_FAILED',
    shortMessage: `btcd ${method}: no answer`,
    details: cause.message,
    cause,
  })
}
