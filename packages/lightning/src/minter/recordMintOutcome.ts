import { isChainopsError, type Store, type StoredRecord } from '@chainops/core'
import { INVOICES_TABLE, type InvoiceRecord } from '../invoices/InvoiceRecord.ts'
import { MINT_JOURNAL_TABLE, MINT_OPEN_TABLE, type MintJournalOutcome, type MintJournalRow } from './MintJournalRow.ts'
import { mintOpenKey } from './mintOpenKey.ts'

export type MintOutcomeWrite = { paymentHash: string; outcome: MintJournalOutcome }

export type RecordMintOutcomeParameters = {
  store: Store
  writes: readonly MintOutcomeWrite[]
  /** Items per store transaction (DynamoDB takes 100 writes; each mint is three: row, invoice, open index). Default 30. */
  chunkSize?: number | undefined
}

/**
 * Writes how journaled mints ended: the journal row gets its `outcome` and, for a successful
 * receipt, the invoice goes PAID -> MINTED (mintTxHash, mintBlock, mintedAt) in the same
 * transaction, by compareAndSet on the versions just read, and the row leaves the open-row index
 * (`MINT_OPEN_TABLE`) in that transaction too. A chunk that loses a race is redone one
 * mint at a time on fresh reads; a row that already has an outcome, or an invoice already MINTED,
 * is left as it is (another writer got there first). Resolves to how many journal rows this call
 * wrote.
 */
export async function recordMintOutcome(parameters: RecordMintOutcomeParameters): Promise<number> {
  const { store, writes, chunkSize = 30 } = parameters
  let written = 0
  for (let start = 0; start < writes.length; start += chunkSize) {
    const chunk = writes.slice(start, start + chunkSize)
    try {
      written += await writeChunk(store, chunk)
    } catch (error) {
      if (!isChainopsError(error, 'STORE_CONDITION_FAILED')) throw error
      for (const write of chunk) {
        for (let attempt = 1; ; attempt++) {
          try {
            written += await writeChunk(store, [write])
            break
          } catch (retryError) {
            if (!isChainopsError(retryError, 'STORE_CONDITION_FAILED') || attempt >= 5) throw retryError
          }
        }
      }
    }
  }
  return written
}

async function writeChunk(store: Store, writes: readonly MintOutcomeWrite[]): Promise<number> {
  // One batched read of each mint's journal row and invoice, then of the open-index entries the rows
  // name, so that the transaction conditions every write on a version it holds and reads nothing.
  const records = await store.getMany(
    writes.flatMap((write) => [
      { table: MINT_JOURNAL_TABLE, key: write.paymentHash },
      { table: INVOICES_TABLE, key: write.paymentHash },
    ]),
  )
  const todo = writes.flatMap((write, index) => {
    const journal = records[2 * index] as StoredRecord<MintJournalRow> | undefined
    const invoice = records[2 * index + 1] as StoredRecord<InvoiceRecord> | undefined
    return journal && journal.value.outcome === undefined
      ? [{ write, journal, invoice, openKey: mintOpenKey(journal.value.from, journal.value.nonce) }]
      : []
  })
  if (todo.length === 0) return 0
  const open = await store.getMany(todo.map(({ openKey }) => ({ table: MINT_OPEN_TABLE, key: openKey })))
  await store.transaction(async (tx) => {
    for (const [index, { write, journal, invoice, openKey }] of todo.entries()) {
      const { outcome } = write
      await tx.compareAndSet(MINT_JOURNAL_TABLE, write.paymentHash, journal.version, { ...journal.value, outcome })
      // An open row without its index entry has nothing to delete there.
      const entry = open[index]
      if (entry) await tx.delete(MINT_OPEN_TABLE, openKey, entry.version)
      if (outcome.kind === 'minted' && invoice && invoice.value.state === 'PAID') {
        const next: InvoiceRecord = {
          ...invoice.value,
          state: 'MINTED',
          mintWei: journal.value.valueWei,
          mintTxHash: outcome.txHash,
          mintBlock: outcome.block,
          mintedAt: outcome.at,
        }
        await tx.compareAndSet(INVOICES_TABLE, write.paymentHash, invoice.version, next)
      }
    }
  })
  return todo.length
}
