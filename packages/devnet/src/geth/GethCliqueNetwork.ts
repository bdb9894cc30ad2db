import type { Genesis } from '@chainops/clique'
import type { Secret } from '@chainops/core'
import type { Address, Hex } from 'viem'
import type { GethNode } from './GethNode.ts'

/** A running geth Clique devnet, as returned by `startGethClique`. */
export interface GethCliqueNetwork {
  readonly chainId: number
  /** Clique block period in seconds. */
  readonly period: number
  /** The genesis geth was initialised with (the faucet and prefund balances merged in). */
  readonly genesis: Genesis
  readonly genesisPath: string
  /** The directory holding every node's datadir, config and log. */
  readonly dir: string
  readonly sealers: readonly GethNode[]
  /** Sealing nodes the genesis does not list (`candidateKeys`): they seal once voted in. */
  readonly candidates: readonly GethNode[]
  /** The non-sealing node serving only eth, net and web3 (absent with `rpcNode: false`). */
  readonly rpc?: GethNode
  /** Sealers first (index = sealer number), then the candidates, then the RPC node. */
  readonly nodes: readonly GethNode[]
  /** A prefunded account for tests to send from. */
  readonly faucet: { readonly address: Address; readonly privateKey: Secret<Hex> }
  /** What went wrong while running (a node that exited on its own); empty when healthy. */
  readonly failures: readonly string[]
  /** Stops node `index` (of `nodes`) by PID; its datadir and ports are kept for `startNode`. */
  stopNode(index: number): Promise<void>
  /** Starts a stopped node again with the same datadir, ports and node key; resolves once it
   *  answers RPC and has peered with every other running node. */
  startNode(index: number): Promise<GethNode>
  /** Every PID any node of this network has had, restarts included. */
  pids(): number[]
  /** Stops every node by PID and removes the directory (kept with `keepDirOnFailure` after a
   *  failure, and never removed when the caller supplied `dir`). */
  stop(): Promise<void>
}
