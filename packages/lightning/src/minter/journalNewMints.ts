import { isChainopsError } from '@chainops/core'
import type { Address } from 'viem'
import { feesFor } from './feesFor.ts'
import { journalMints } from './journalMints.ts'
import type { MinterContext } from './MinterContext.ts'
import type { MintJob } from './MintJob.ts'
import { MINT_JOURNAL_TABLE, type MintJournalRow, type MintTxVariant, NONCES_TABLE } from './MintJournalRow.ts'
import { mintJobToRow } from './mintJobToRow.ts'
import { signMints } from './signMints.ts'

export type NewMint = { paymentHash: string; to: Address; valueWei: bigint }

export type JournalNewMintsParameters = {
  /** PAID invoices without a journal row (as last read). */
  mints: readonly NewMint[]
  /** Called with each journal row another writer committed meanwhile for one of `mints`. */
  onFound: (paymentHash: string, row: MintJournalRow) => void
}

/**
 * Gives each new mint the next nonce and journals it, `chunkSize` at a time: sign the chunk at
 * consecutive nonces, then commit the rows and the nonce counter in ONE store transaction
 * (`journalMints`). Nothing is sent here: the caller broadcasts the jobs returned, after the
 * commit. When another writer moved the nonce or journaled one of the hashes
 * (STORE_CONDITION_FAILED), both are read again, the rows found are handed to `onFound` and the
 * rest signed anew at the fresh nonces (up to 5 attempts a chunk): a hash never gets two rows.
 */
export async function journalNewMints(
  context: MinterContext,
  parameters: JournalNewMintsParameters,
): Promise<MintJob[]> {
  const { store, address, tracker, hooks, counters } = context
  const created: MintJob[] = []
  let toJournal = [...parameters.mints]
  for (let attempt = 1; toJournal.length > 0; attempt++) {
    const chunk = toJournal.slice(0, context.chunkSize)
    const fees = feesFor(context.baseFee, context.gasSettings)
    const signedAtBlock = context.lastScanned
    const bases = chunk.map((mint, index) => ({
      paymentHash: mint.paymentHash,
      to: mint.to,
      valueWei: mint.valueWei,
      nonce: context.nonceNext + BigInt(index),
      gas: context.gas,
      lastSentAt: 0,
      sending: false,
      signedAtBlock,
      waiters: [],
    }))
    const signed = await signMints(context, bases, fees)
    const jobs: MintJob[] = bases.map((base, index) => ({ ...base, variants: [signed[index] as MintTxVariant] }))
    const rows = jobs.map((job) => mintJobToRow(job, address))
    try {
      context.nonceVersion = await journalMints({
        store,
        from: address,
        nonceVersion: context.nonceVersion,
        next: context.nonceNext + BigInt(chunk.length),
        rows,
      })
    } catch (error) {
      if (!isChainopsError(error, 'STORE_CONDITION_FAILED') || attempt >= 5) throw error
      // Another writer moved the nonce or journaled one of these hashes: reread both, then redo.
      const stored = await store.get<{ next: string }>(NONCES_TABLE, address)
      if (stored) {
        context.nonceVersion = stored.version
        if (BigInt(stored.value.next) > context.nonceNext) context.nonceNext = BigInt(stored.value.next)
      }
      const again = await Promise.all(
        chunk.map((mint) => store.get<MintJournalRow>(MINT_JOURNAL_TABLE, mint.paymentHash)),
      )
      const stillNew = new Set(chunk.filter((_, index) => !again[index]).map((mint) => mint.paymentHash))
      chunk.forEach((mint, index) => {
        const row = again[index]
        if (row) parameters.onFound(mint.paymentHash, row.value)
      })
      toJournal = toJournal.filter((mint) => stillNew.has(mint.paymentHash) || !chunk.includes(mint))
      continue
    }
    context.nonceNext += BigInt(chunk.length)
    counters.journaled += chunk.length
    for (const job of jobs) {
      tracker.track(job)
      created.push(job)
    }
    if (hooks.afterJournal) await hooks.afterJournal(rows)
    toJournal = toJournal.slice(chunk.length)
    attempt = 0
  }
  return created
}
