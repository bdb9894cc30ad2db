import type { CommandOptions } from '../framework/Command.ts'

/** `--rpc`, the flag rpcFlag checks and connectChain dials, for every command that talks to the chain by URL. */
export const rpcOptions: CommandOptions = {
  rpc: {
    type: 'string',
    value: 'URL',
    description: "the chain's HTTP RPC (the chain id is asked from it)",
    required: true,
  },
}
