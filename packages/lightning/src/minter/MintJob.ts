import type { Address } from 'viem'
import type { MintOutcome } from './Minter.ts'
import type { MintTxVariant } from './MintJournalRow.ts'

/**
 * A journaled mint the minter is driving to an outcome: its journal row's fields as bigints, every
 * signed variant of its one nonce (the first signature, then fee bumps), and the in-memory state of
 * its broadcasts. Never created before its journal row is committed.
 */
export type MintJob = {
  paymentHash: string
  to: Address
  valueWei: bigint
  nonce: bigint
  gas: bigint
  /** Oldest first; the last one is what is sent. */
  variants: MintTxVariant[]
  /** When it was last sent or answered (ms); 0 sends it again at the next chance. */
  lastSentAt: number
  /** A broadcast of it is waiting for the node's answer. */
  sending: boolean
  /** The block the watcher had scanned when the last variant was signed (fee bumps wait from there). */
  signedAtBlock: bigint
  waiters: Array<(outcome: MintOutcome) => void>
}
