import type { Store } from '@chainops/core'
import type { Address } from 'viem'
import { MINT_JOURNAL_TABLE, MINT_OPEN_TABLE, type MintJournalRow, NONCES_TABLE } from './MintJournalRow.ts'
import { mintOpenKey } from './mintOpenKey.ts'

export type JournalMintsParameters = {
  store: Store
  from: Address
  /** The version of `nonces[from]` the nonces were allocated from; undefined when it does not exist yet. */
  nonceVersion: number | undefined
  /** `nonces[from].next` after these rows (their highest nonce + 1). */
  next: bigint
  rows: readonly MintJournalRow[]
}

/**
 * Allocates the nonces and journals the signed mints in ONE store transaction: the nonce row moves
 * by compareAndSet on the version the nonces were taken from, each journal row is a putIfAbsent,
 * and so is its entry in the open-row index (`MINT_OPEN_TABLE`, what the receipt watcher reads).
 * Either all of it is written or nothing (another writer moved the nonce, or a payment hash got a
 * row meanwhile: STORE_CONDITION_FAILED). Nothing is broadcast before this resolves, so a crash
 * leaves either no trace or a journal row the recovery rebroadcasts. Resolves to the nonce row's
 * new version.
 */
export async function journalMints(parameters: JournalMintsParameters): Promise<number> {
  const { store, from, nonceVersion, next, rows } = parameters
  return store.transaction(async (tx) => {
    const nonce = { next: next.toString() }
    const version =
      nonceVersion === undefined
        ? await tx.putIfAbsent(NONCES_TABLE, from, nonce)
        : await tx.compareAndSet(NONCES_TABLE, from, nonceVersion, nonce)
    for (const row of rows) {
      await tx.putIfAbsent(MINT_JOURNAL_TABLE, row.paymentHash, row)
      await tx.putIfAbsent(MINT_OPEN_TABLE, mintOpenKey(from, row.nonce), { paymentHash: row.paymentHash })
    }
    return version
  })
}
