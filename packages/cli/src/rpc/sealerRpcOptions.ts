import type { CommandOptions } from '../framework/Command.ts'

/** `--rpc` of the clique commands that ask one sealer (withCliqueClient dials it: URL or geth.ipc path). */
export const sealerRpcOptions: CommandOptions = {
  rpc: {
    type: 'string',
    value: 'URL|IPC',
    description: "a sealer's RPC: an http(s):// or ws(s):// URL, or its geth.ipc path",
    required: true,
  },
}
