import { GethRpcError } from './GethRpcError.ts'

/**
 * One JSON-RPC call over HTTP, for readiness probes (a viem client would retry and batch, which
 * hides what a probe wants to see). Throws on transport errors and on a JSON-RPC error answer.
 */
export async function gethRpcRequest<T>(url: string, method: string, params: readonly unknown[] = []): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
    signal: AbortSignal.timeout(5_000),
  })
  const body = (await response.json()) as { result?: T; error?: { code: number; message: string } }
  if (body.error) throw new GethRpcError(body.error.code, body.error.message)
  return body.result as T
}
