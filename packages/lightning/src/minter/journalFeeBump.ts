import type { Store } from '@chainops/core'
import { MINT_JOURNAL_TABLE, type MintJournalRow, type MintTxVariant } from './MintJournalRow.ts'

/**
 * Appends a re-signature of the same nonce to a journal row BEFORE it is broadcast, by
 * compareAndSet, so any variant that can reach the chain is in the journal and its receipt is
 * looked for. Resolves to false (nothing written) when the row already has an outcome.
 */
export async function journalFeeBump(store: Store, paymentHash: string, variant: MintTxVariant): Promise<boolean> {
  const record = await store.get<MintJournalRow>(MINT_JOURNAL_TABLE, paymentHash)
  if (!record || record.value.outcome) return false
  await store.compareAndSet(MINT_JOURNAL_TABLE, paymentHash, record.version, {
    ...record.value,
    feeBumps: [...record.value.feeBumps, variant],
  })
  return true
}
