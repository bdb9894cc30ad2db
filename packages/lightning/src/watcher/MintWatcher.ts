import type { Address } from 'viem'

export type MintWatcherStats = {
  /** Rounds run. */
  rounds: number
  /** Open journal rows being driven (as of the last round). */
  open: number
  minted: number
  failed: number
  rebroadcasts: number
  feeBumps: number
  lastScannedBlock: bigint
}

export type MintWatcherRunOptions = {
  /** Epoch ms: no round starts once less than one poll interval is left before it (a Lambda's deadline minus a margin). Default: until `stop()`. */
  until?: number | undefined
}

export type MintWatcher = {
  /** The sending address whose mints it drives. */
  readonly address: Address
  /**
   * Takes the sending key's watcher lease (`MINT_WATCHER_LEASE_HELD` while another watcher drives
   * it) and reads the chain head and base fee. Called once.
   */
  start(): Promise<void>
  /**
   * One round: renews the lease when due, picks up the open journal rows the index holds that it
   * does not track yet, then matches the new blocks' receipts (`eth_getBlockReceipts`), writes
   * PAID -> MINTED, resends what the node's pool lacks and fee-bumps stuck mints at their nonce.
   */
  round(): Promise<void>
  /**
   * Rounds every poll interval until `stop()` or `until`; a failed round is logged and retried,
   * except a lost lease, which ends the run with `MINT_WATCHER_LEASE_LOST`. Resolves once the
   * broadcasts it started are answered.
   */
  run(options?: MintWatcherRunOptions): Promise<void>
  stats(): MintWatcherStats
  /** Ends `run`, waits for the round in progress, releases the lease; the journal keeps every open row for the next watcher. */
  stop(): Promise<void>
}
