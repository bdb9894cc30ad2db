import type { Client } from 'viem'

/** A JSON-RPC call through a viem client (its transport's retries and batching included), for methods viem's typed schema lacks (`eth_getBlockReceipts`). */
export function rpcRequest<T>(client: Client, method: string, params: readonly unknown[]): Promise<T> {
  return client.request({ method, params } as never) as Promise<T>
}
