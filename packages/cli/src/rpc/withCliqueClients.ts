import type { Client } from 'viem'
import { withCliqueClient } from './withCliqueClient.ts'

/**
 * Runs `action` with one viem client per entry of `rpcs` (each as `withCliqueClient` takes it:
 * http(s), ws(s) or a geth IPC path), opened in order and all closed afterwards.
 */
export async function withCliqueClients<T>(
  rpcs: readonly string[],
  action: (clients: readonly Client[]) => Promise<T>,
  opened: readonly Client[] = [],
): Promise<T> {
  const [next, ...rest] = rpcs
  if (next === undefined) return action(opened)
  return withCliqueClient(next, (client) => withCliqueClients(rest, action, [...opened, client]))
}
