import { DevnetError } from '../DevnetError.ts'
import { GethRpcError } from './GethRpcError.ts'

/**
 * One JSON-RPC call over HTTP, for readiness probes (a viem client would retry and batch, which
 * hides what a probe wants to see). Throws on transport errors and on a JSON-RPC error answer.
 */
export async function gethRpcRequest<T>(url: string, method: string, params: readonly unknown[] = []): Promise<T> {
  let body: { result?: T; error?: { code: number; message: string } }
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
      signal: AbortSignal.timeout(5_000),
    })
    body = (await response.json()) as typeof body
  } catch (cause) {
    throw new DevnetError({
      code: 'DEVNET_RPC_FAILED',
      shortMessage: `geth ${method} on ${url} got no JSON-RPC answer`,
      details: cause instanceof Error ? cause.message : String(cause),
      cause,
    })
  }
  if (body.error) throw new GethRpcError({ method, rpcCode: body.error.code, message: body.error.message })
  return body.result as T
}
