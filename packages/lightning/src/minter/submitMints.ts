import type { StoredRecord } from '@chainops/core'
import { INVOICES_TABLE, type InvoiceRecord } from '../invoices/InvoiceRecord.ts'
import { classifyJournalRow } from './classifyJournalRow.ts'
import type { MintBroadcaster } from './createMintBroadcaster.ts'
import { currentMintVariant } from './currentMintVariant.ts'
import { journalNewMints, type NewMint } from './journalNewMints.ts'
import type { MintSubmission } from './Minter.ts'
import type { MinterContext } from './MinterContext.ts'
import type { MintJob } from './MintJob.ts'
import { MINT_JOURNAL_TABLE, type MintJournalRow } from './MintJournalRow.ts'
import { mintJobFromRow } from './mintJobFromRow.ts'
import { readMintableInvoice } from './readMintableInvoice.ts'
import { refreshBaseFee } from './refreshBaseFee.ts'

const tracked = (job: MintJob): MintSubmission => ({
  paymentHash: job.paymentHash,
  status: 'tracked',
  nonce: job.nonce,
  txHash: currentMintVariant(job).txHash,
})

/**
 * One `submit` (run one at a time): each hash is answered from memory when this minter tracks it
 * or settled it recently; otherwise from its invoice record (`readMintableInvoice`) and journal
 * row (`classifyJournalRow`, an open row is tracked and sent again); the PAID hashes without a
 * row are journaled (`journalNewMints`) and only then broadcast.
 */
export async function submitMints(
  context: MinterContext,
  broadcaster: MintBroadcaster,
  hashes: readonly string[],
  /**
   * `watch: false` (a receipt watcher drives the mints): resolves only once the broadcasts of this
   * call are answered, then forgets the jobs, whose open journal rows are the watcher's from then on.
   */
  options: { watch: boolean } = { watch: true },
): Promise<Map<string, MintSubmission>> {
  const { store, tracker } = context
  // Fees of new mints follow the chain: a minter without a block watcher reads the base fee here.
  if (!options.watch) await refreshBaseFee(context)
  const results = new Map<string, MintSubmission>()
  const fresh: string[] = []
  for (const hash of new Set(hashes)) {
    const job = tracker.job(hash)
    const done = tracker.recent(hash)
    if (job) results.set(hash, tracked(job))
    else if (done?.status === 'minted')
      results.set(hash, { paymentHash: hash, status: 'minted', txHash: done.txHash, block: done.block.toString() })
    else if (done) results.set(hash, { paymentHash: hash, status: 'dead', code: done.code, reason: done.reason })
    else fresh.push(hash)
  }
  // One batched read for the invoice record and the journal row of every fresh hash (DynamoDB: one
  // BatchGetItem per 50 hashes instead of two GetItems each).
  const read = await store.getMany(
    fresh.flatMap((hash) => [
      { table: INVOICES_TABLE, key: hash },
      { table: MINT_JOURNAL_TABLE, key: hash },
    ]),
  )
  const journaled = new Map<string, StoredRecord<MintJournalRow>>()
  const mintable: NewMint[] = []
  fresh.forEach((hash, index) => {
    const row = read[2 * index + 1] as StoredRecord<MintJournalRow> | undefined
    if (row) journaled.set(hash, row)
    const invoice = readMintableInvoice(
      hash,
      read[2 * index] as StoredRecord<InvoiceRecord> | undefined,
      context.address,
    )
    if (invoice.kind === 'minted')
      results.set(hash, { paymentHash: hash, status: 'minted', txHash: invoice.txHash, block: invoice.block })
    else if (invoice.kind === 'wait') results.set(hash, { paymentHash: hash, status: 'retry', reason: invoice.reason })
    else if (invoice.kind === 'refuse')
      results.set(hash, { paymentHash: hash, status: 'dead', code: invoice.code, reason: invoice.reason })
    else mintable.push(invoice)
  })

  const adopted: MintJob[] = []
  const adopt = (paymentHash: string, row: MintJournalRow) => {
    const settled = classifyJournalRow({ paymentHash, row, sender: context.address })
    if (settled) return results.set(paymentHash, settled)
    const job = mintJobFromRow(row, context.lastScanned)
    tracker.track(job)
    adopted.push(job)
    results.set(paymentHash, tracked(job))
  }
  const toJournal = mintable.filter((mint) => {
    const row = journaled.get(mint.paymentHash)
    if (row) adopt(mint.paymentHash, row.value)
    return !row
  })

  const created = await journalNewMints(context, { mints: toJournal, onFound: adopt })
  for (const job of created) results.set(job.paymentHash, tracked(job))
  const sent = Promise.all([broadcaster.send(created, 'first'), broadcaster.send(adopted, 'again')])
  if (!options.watch) {
    await sent
    for (const job of [...created, ...adopted]) tracker.forget(job)
  }
  return results
}
