import { isChainopsError } from '@chainops/core'
import { getBlockNumber, getTransactionCount } from 'viem/actions'
import type { MintBroadcaster } from './createMintBroadcaster.ts'
import { listMintJournal } from './listMintJournal.ts'
import { listOpenMints } from './listOpenMints.ts'
import type { MinterRecovery } from './Minter.ts'
import type { MinterContext } from './MinterContext.ts'
import { type MintJournalRow, NONCES_TABLE } from './MintJournalRow.ts'
import { mintJobFromRow } from './mintJobFromRow.ts'
import { planNextNonce } from './planNextNonce.ts'
import { refreshBaseFee } from './refreshBaseFee.ts'
import { resolveMintsByReceipt } from './resolveMintsByReceipt.ts'

/**
 * Start-up recovery of one sending key, before any new mint: the block watcher's starting point
 * (head - confirmations) and the base fee; the next nonce from the store, the chain and the
 * open journal rows (`planNextNonce` on the open-row index, the whole journal of the key only
 * when that shows a hole; written back when it moved); every open journal row tracked again,
 * settled by its receipt (or as a nonce conflict below the chain's nonce at that block), and the
 * rest sent again, lowest nonce first, with the same raw transactions (unless `resume` is false:
 * then a receipt watcher owns the open rows).
 */
export async function recoverMinter(
  context: MinterContext,
  broadcaster: MintBroadcaster,
  /** `resume: false` (a minter whose receipts a `createMintWatcher` drives): only the nonce is planned; the open rows are the watcher's. */
  options: { resume: boolean },
  /** Called once the nonce is planned and the open rows settled or tracked, before they are sent again: new mints may be submitted from then on. */
  onReady: () => void,
): Promise<MinterRecovery> {
  const { client, store, address, tracker, confirmations } = context
  const head = await getBlockNumber(client, { cacheTime: 0 })
  context.lastScanned = head > confirmations ? head - confirmations : 0n
  await refreshBaseFee(context)
  // The nonce used on chain by the block from which the watcher takes over: read before the receipts.
  const [latest, pending, stored, indexed] = await Promise.all([
    getTransactionCount(client, { address, blockNumber: context.lastScanned }),
    getTransactionCount(client, { address, blockTag: 'pending' }),
    store.get<{ next: string }>(NONCES_TABLE, address),
    listOpenMints({ store, from: address }),
  ])
  const chainLatestNonce = BigInt(latest)
  const planFrom = (journal: readonly MintJournalRow[]) =>
    planNextNonce({
      storedNext: stored ? BigInt(stored.value.next) : undefined,
      chainLatestNonce,
      chainPendingNonce: BigInt(pending),
      journalNonces: journal.map((row) => BigInt(row.nonce)),
    })
  // The open-row index, not the whole journal: a nonce at or above the chain's is in flight, so its
  // row is open. Only when that finds a hole (a row that got its outcome after the chain read, an
  // index entry lost) is the whole journal of this key read before anything is refused.
  let rows: readonly MintJournalRow[] = indexed.rows
  let plan: ReturnType<typeof planNextNonce>
  try {
    plan = planFrom(rows)
  } catch (error) {
    if (!isChainopsError(error, 'MINT_NONCE_GAP')) throw error
    rows = await listMintJournal(store, address)
    plan = planFrom(rows)
  }
  context.nonceNext = plan.next
  context.nonceVersion = stored?.version
  if (plan.changed) {
    const value = { next: plan.next.toString() }
    context.nonceVersion =
      stored === undefined
        ? await store.putIfAbsent(NONCES_TABLE, address, value)
        : await store.compareAndSet(NONCES_TABLE, address, stored.version, value)
  }
  const open = rows.filter((row) => row.outcome === undefined)
  if (!options.resume) {
    onReady()
    return { open: open.length, settled: 0, resumed: 0, nextNonce: context.nonceNext }
  }
  for (const row of open) tracker.track(mintJobFromRow(row, context.lastScanned))
  await resolveMintsByReceipt(context, tracker.jobs(), chainLatestNonce)
  const resumed = tracker.byNonce()
  onReady()
  for (let start = 0; start < resumed.length; start += 500)
    await broadcaster.send(resumed.slice(start, start + 500), 'again')
  return {
    open: open.length,
    settled: open.length - resumed.length,
    resumed: resumed.length,
    nextNonce: context.nonceNext,
  }
}
