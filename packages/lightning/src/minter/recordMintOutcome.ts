import { isChainopsError, type Store } from '@chainops/core'
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
  const reads = await Promise.all(
    writes.map(async (write) => ({
      write,
      journal: await store.get<MintJournalRow>(MINT_JOURNAL_TABLE, write.paymentHash),
      invoice: await store.get<InvoiceRecord>(INVOICES_TABLE, write.paymentHash),
    })),
  )
  const todo = reads.filter((read) => read.journal && read.journal.value.outcome === undefined)
  if (todo.length === 0) return 0
  await store.transaction(async (tx) => {
    for (const { write, journal, invoice } of todo) {
      if (!journal) continue
      const { outcome } = write
      await tx.compareAndSet(MINT_JOURNAL_TABLE, write.paymentHash, journal.version, { ...journal.value, outcome })
      await tx.delete(MINT_OPEN_TABLE, mintOpenKey(journal.value.from, journal.value.nonce))
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
