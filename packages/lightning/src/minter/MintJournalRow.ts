import type { Address, Hex } from 'viem'

/** The Store table of the mint journal, keyed by payment hash. */
export const MINT_JOURNAL_TABLE = 'mint_journal'

/**
 * The Store table that indexes the OPEN journal rows by sending key, keyed `mintOpenKey(from, nonce)`
 * -> `{ paymentHash }`: written in the transaction that journals a row, deleted in the one that
 * records its outcome, so listing it by the prefix `<from>#` (a DynamoDB Query on one partition,
 * a SQLite primary-key range) finds every mint still in flight for that key without a table scan.
 */
export const MINT_OPEN_TABLE = 'mint_open'

/** The Store table of next nonces, keyed by sending address: `{ next: "n" }`. */
export const NONCES_TABLE = 'nonces'

/** One signed variant of a journaled mint: the first signature, or a fee bump of the same nonce. */
export type MintTxVariant = {
  rawTx: Hex
  txHash: Hex
  maxFeePerGas: string
  maxPriorityFeePerGas: string
  /** ISO time it was journaled. */
  at: string
}

/** How a journaled mint ended on the chain; absent while it is in flight. */
export type MintJournalOutcome =
  | { kind: 'minted'; txHash: Hex; block: string; gasUsed: string; effectiveGasPrice: string; at: string }
  | { kind: 'reverted'; txHash: Hex; block: string; gasUsed: string; effectiveGasPrice: string; at: string }
  /** Another transaction used the nonce: the mint never happened and needs an operator. */
  | { kind: 'conflict'; detectedAt: string; details: string }

/**
 * The journal row of one mint, written with `putIfAbsent` in the same store transaction that
 * advances `nonces[from].next`, BEFORE the first broadcast. A payment hash has one row, hence one
 * nonce, forever: retries rebroadcast `rawTx` (or the last fee bump, which reuses the nonce).
 * Amounts are decimal strings (the Store refuses bigints).
 */
export type MintJournalRow = {
  paymentHash: string
  from: Address
  to: Address
  valueWei: string
  nonce: string
  gas: string
  /** The first signature. */
  rawTx: Hex
  txHash: Hex
  maxFeePerGas: string
  maxPriorityFeePerGas: string
  createdAt: string
  /** Re-signatures of the same nonce at a higher fee, oldest first; each journaled before its broadcast. */
  feeBumps: MintTxVariant[]
  outcome?: MintJournalOutcome
}
