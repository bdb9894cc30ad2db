import { existsSync } from 'node:fs'
import { isChainopsError } from '@chainops/core'
import { type Client, createClient, http, webSocket } from 'viem'
import { getIpcRpcClient, ipc } from 'viem/node'
import { CliError } from '../errors/CliError.ts'

/**
 * Runs `action` with a viem client for `--rpc`: an http(s):// or ws(s):// URL, or the path of a
 * geth IPC socket (how a sealer from `chainops geth config` serves clique_*; its HTTP is off).
 * Socket clients are closed afterwards so the process can exit. A failure that is not already a
 * chainops error (connection refused, timeout) becomes CLI_RPC_UNREACHABLE.
 */
function deepestMessage(error: unknown): string {
  let current = error as { cause?: unknown; shortMessage?: string; message?: string } | undefined
  let message = String(error)
  for (let depth = 0; current && depth < 10; depth++) {
    message = current.shortMessage ?? current.message ?? message
    current = current.cause as typeof current
  }
  return message
}

export async function withCliqueClient<T>(rpc: string, action: (client: Client) => Promise<T>): Promise<T> {
  const kind = /^https?:\/\//i.test(rpc) ? 'http' : /^wss?:\/\//i.test(rpc) ? 'ws' : 'ipc'
  const transport =
    kind === 'http'
      ? http(rpc, { retryCount: 0, timeout: 15_000 })
      : kind === 'ws'
        ? webSocket(rpc, { retryCount: 0, timeout: 15_000, reconnect: false })
        : ipc(rpc, { retryCount: 0, timeout: 15_000, reconnect: false })
  if (kind === 'ipc' && !existsSync(rpc)) {
    throw new CliError({
      code: 'CLI_RPC_UNREACHABLE',
      shortMessage: `no geth IPC socket at ${rpc}`,
      details: '--rpc is read as an IPC path unless it starts with http(s):// or ws(s)://',
    })
  }
  const client = createClient({ transport })
  try {
    return await action(client)
  } catch (error) {
    if (isChainopsError(error)) throw error
    throw new CliError({
      code: 'CLI_RPC_UNREACHABLE',
      shortMessage: `cannot use the node at ${rpc}`,
      details: deepestMessage(error),
      cause: error,
    })
  } finally {
    // viem caches socket clients by their options; the ipc transport's own getRpcClient() drops
    // `reconnect` and would open a second socket, so the IPC client is looked up as it was made.
    const socketClient =
      kind === 'ipc'
        ? getIpcRpcClient(rpc, { reconnect: false })
        : kind === 'ws'
          ? (client.transport as unknown as { getRpcClient(): Promise<{ close(): void }> }).getRpcClient()
          : undefined
    await socketClient?.then(
      (c) => c.close(),
      () => undefined,
    )
  }
}
