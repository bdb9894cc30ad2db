import type { Client } from 'viem'
import { CliqueError } from '../errors/CliqueError.ts'

/** Sends one `clique_*` JSON-RPC call through a viem client; failures become CLIQUE_RPC_FAILED with the cause. */
export async function cliqueRequest<T>(client: Client, method: string, params: readonly unknown[]): Promise<T> {
  const request = client.request as unknown as (args: { method: string; params: readonly unknown[] }) => Promise<T>
  try {
    return await request({ method, params })
  } catch (cause) {
    throw new CliqueError({
      code: 'CLIQUE_RPC_FAILED',
      shortMessage: `${method} failed`,
      details:
        (cause as { shortMessage?: string; message?: string }).shortMessage ??
        String((cause as Error).message ?? cause),
      cause,
    })
  }
}
