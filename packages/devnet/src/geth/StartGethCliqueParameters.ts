import type { Genesis, Predeploy } from '@chainops/clique'
import type { Address, Hex } from 'viem'

/** Options of `startGethClique`. */
export type StartGethCliqueParameters = {
  /** How many sealing nodes (1-16). */
  sealers: number
  /** Clique block period in seconds (>= 1). */
  period: number
  /**
   * A genesis to use instead of the minimal one (`buildGenesis` of @chainops/clique). Its
   * extraData must list the sealers, so `sealerKeys` is required with it; `period` and `chainId`
   * must agree with it and the gas limit is taken from it.
   */
  genesis?: Genesis
  /**
   * Contracts the minimal genesis places at fixed addresses (e.g. @chainops/clique's
   * `deterministicDeploymentProxy`, or the Safe singleton factory); with `genesis`, put them there.
   */
  predeploys?: readonly Predeploy[]
  /** Pins the sealer private keys (one per sealer); generated when absent. */
  sealerKeys?: readonly Hex[]
  /**
   * Keys of extra sealing nodes the genesis does not list: they run unlocked and try to seal from
   * the start, but Clique lets them seal only once a majority of signers votes them in
   * (`clique_propose`). At most 16 sealers and candidates in all.
   */
  candidateKeys?: readonly Hex[]
  /** Pins the faucet key; generated when absent. */
  faucetKey?: Hex
  /** The faucet's genesis balance; default 10^24 wei. */
  faucetBalanceWei?: bigint
  /** More accounts funded at genesis. */
  prefund?: ReadonlyArray<{ address: Address; balanceWei: bigint }>
  /** Run one extra non-sealing node with a public API (eth, net, web3); default true. */
  rpcNode?: boolean
  /** Also serve WebSocket RPC on a free port; default false. */
  ws?: boolean
  /** Block gas limit of the minimal genesis; default 30,000,000. */
  gasLimit?: bigint
  /** Default 2789. */
  chainId?: number
  /** Where to put the nodes; a fresh temp dir when absent (and only that one is ever removed). */
  dir?: string
  /** Names the temp dir and the nodes; default `geth`. */
  label?: string
  /** Appended to every node's command line. */
  extraArgs?: readonly string[]
  /** Keep the directory (datadirs and logs) when starting fails or a node died. */
  keepDirOnFailure?: boolean
  /** Budget for each readiness step (RPC up, peers, first block); default 60 s. */
  readyTimeoutMs?: number
}
