import type { Store } from '@chainops/core'
import type { Address } from 'viem'
import { MINT_JOURNAL_TABLE, type MintJournalRow } from './MintJournalRow.ts'

/**
 * Every journal row of one sending address, page by page. A full scan: the recovery runs it once
 * per start (and the float once per report); at a few million rows a per-sender index table would
 * replace it.
 */
export async function listMintJournal(store: Store, from: Address): Promise<MintJournalRow[]> {
  const rows: MintJournalRow[] = []
  const sender = from.toLowerCase()
  let after: string | undefined
  do {
    const page = await store.list<MintJournalRow>(MINT_JOURNAL_TABLE, { limit: 1000, after })
    for (const record of page.records) if (record.value.from.toLowerCase() === sender) rows.push(record.value)
    after = page.next
  } while (after !== undefined)
  return rows
}
