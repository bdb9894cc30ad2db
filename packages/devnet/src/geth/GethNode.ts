import type { Address } from 'viem'

/** One geth of a devnet, as tests see it. `index` is its position in `GethCliqueNetwork.nodes`. */
export interface GethNode {
  readonly name: string
  readonly index: number
  readonly role: 'sealer' | 'rpc'
  /** The sealer's signing address (its `--miner.etherbase`); absent on the RPC node. */
  readonly address?: Address
  readonly rpcUrl: string
  readonly wsUrl?: string
  readonly enode: string
  readonly datadir: string
  readonly logPath: string
  readonly ports: GethNodePorts
  /** PID of the node's current (or last) process. */
  readonly pid: number
  /** True while the current process is alive. */
  readonly running: boolean
}

export type GethNodePorts = { p2p: number; http: number; authrpc: number; ws?: number }
