import type { Store, StoredRecord } from '@chainops/core'
import type { Address } from 'viem'
import { MINT_JOURNAL_TABLE, MINT_OPEN_TABLE, type MintJournalRow } from './MintJournalRow.ts'
import { mintOpenKey } from './mintOpenKey.ts'

export type ListOpenMintsParameters = {
  store: Store
  from: Address
  /** Payment hashes the caller already holds: their journal rows are not read again. */
  known?: ((paymentHash: string) => boolean) | undefined
}

export type ListOpenMintsReturnType = {
  /** The journal rows of open mints not `known`, lowest nonce first. */
  rows: MintJournalRow[]
  /** Every open mint of the sender found in the index, known ones included. */
  open: number
}

/**
 * The open journal rows of one sending key, through the open-row index (`MINT_OPEN_TABLE`, a
 * prefix listing: a Query on one DynamoDB partition, never a table scan), lowest nonce first. Only
 * the rows of hashes not `known` are read. An index entry whose row already has an outcome (a
 * write that raced the listing) is skipped.
 */
export async function listOpenMints(parameters: ListOpenMintsParameters): Promise<ListOpenMintsReturnType> {
  const { store, from, known } = parameters
  const prefix = mintOpenKey(from)
  const hashes: string[] = []
  let open = 0
  let after: string | undefined
  do {
    const page = await store.list<{ paymentHash: string }>(MINT_OPEN_TABLE, { prefix, after, limit: 1000 })
    for (const record of page.records) {
      open++
      if (!known?.(record.value.paymentHash)) hashes.push(record.value.paymentHash)
    }
    after = page.next
  } while (after !== undefined)
  const rows: MintJournalRow[] = []
  for (let start = 0; start < hashes.length; start += 100) {
    const read = await store.getMany(
      hashes.slice(start, start + 100).map((key) => ({ table: MINT_JOURNAL_TABLE, key })),
    )
    for (const record of read as (StoredRecord<MintJournalRow> | undefined)[])
      if (record && record.value.outcome === undefined) rows.push(record.value)
  }
  return { rows, open }
}
