import type { Address, Hex } from 'viem'
import type { MintJournalRow } from './MintJournalRow.ts'

/** Test seams at the two crash points that matter: after the journal commit, after the broadcast. */
export type MinterHooks = {
  afterJournal?: ((rows: readonly MintJournalRow[]) => Promise<void> | void) | undefined
  afterBroadcast?: ((rows: readonly MintJournalRow[]) => Promise<void> | void) | undefined
}

/** What `submit` made of one payment hash. */
export type MintSubmission =
  /** Already MINTED: the message can go. */
  | { paymentHash: string; status: 'minted'; txHash: string | undefined; block: string | undefined }
  /** Journaled (now or earlier) and being driven to MINTED by this minter: see `whenSettled`. */
  | { paymentHash: string; status: 'tracked'; nonce: bigint; txHash: Hex }
  /** Not mintable yet (no record, not PAID yet): deliver again later. */
  | { paymentHash: string; status: 'retry'; reason: string }
  /** Never mintable (expired, cancelled, malformed record, reverted or conflicting mint): dead-letter. */
  | { paymentHash: string; status: 'dead'; code: string; reason: string }

/** How a tracked mint ended. */
export type MintOutcome =
  | { paymentHash: string; status: 'minted'; txHash: Hex; block: bigint }
  | { paymentHash: string; status: 'failed'; code: 'MINT_REVERTED' | 'MINT_NONCE_CONFLICT'; reason: string }

export type MinterStats = {
  journaled: number
  broadcasts: number
  rebroadcasts: number
  feeBumps: number
  minted: number
  failed: number
  inFlight: number
  nextNonce: bigint
  lastScannedBlock: bigint
}

export type MinterRecovery = {
  /** Open journal rows found at start. */
  open: number
  /** Of those, already mined (receipt found) and now recorded. */
  settled: number
  /** Of those, rebroadcast and tracked again. */
  resumed: number
  nextNonce: bigint
}

export type Minter = {
  readonly address: Address
  /** Takes the lease, recovers every open journal row (receipt or rebroadcast), plans the next nonce and starts watching blocks. */
  start(): Promise<MinterRecovery>
  /**
   * Journals (allocating nonces in the same store transaction) and broadcasts a mint for each PAID
   * hash without one; a hash already journaled is tracked and its same raw transaction sent again.
   * Resolves once the journal rows are committed; broadcasts finish in the background.
   */
  submit(paymentHashes: readonly string[]): Promise<MintSubmission[]>
  /** Resolves when a tracked (or recently settled) mint has an outcome. */
  whenSettled(paymentHash: string): Promise<MintOutcome>
  /** Resolves once every broadcast started so far has been answered. */
  flush(): Promise<void>
  stats(): MinterStats
  /** Stops watching and releases the lease; journal rows stay for the next start. */
  stop(): Promise<void>
}
