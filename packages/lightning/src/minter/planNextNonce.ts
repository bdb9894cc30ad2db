import { LightningError } from '../errors/LightningError.ts'

export type PlanNextNonceParameters = {
  /** `nonces[from].next` as stored, or undefined before the first mint. */
  storedNext: bigint | undefined
  /** `eth_getTransactionCount(from, 'latest')`: nonces below it are used on chain. */
  chainLatestNonce: bigint
  /** `eth_getTransactionCount(from, 'pending')`: the node's pool included. */
  chainPendingNonce: bigint
  /** Every nonce the journal holds for `from`. */
  journalNonces: Iterable<bigint>
}

export type PlanNextNonceReturnType = {
  /** The nonce the next new mint gets. */
  next: bigint
  /** True when `next` differs from the stored value and must be written back. */
  changed: boolean
}

/**
 * The first nonce a restarted minter may hand out, and the reasoning that makes it safe:
 *
 * - Nonces are allocated in the same store transaction as the journal row that uses them, so every
 *   nonce in [chain latest, stored next) must have a journal row. A hole there (a row deleted by
 *   hand, a store restored from an old backup) means a nonce that nothing will ever fill: every
 *   later transaction would wait behind it forever. That is refused (`MINT_NONCE_GAP`) rather
 *   than papered over, because the missing row may be a mint that was broadcast and is about to
 *   be mined. The same goes for a journal nonce at or above the stored next (the two disagree).
 * - Without a hole, the next nonce is max(stored next, chain pending nonce). Never below the stored
 *   next: a pool that lost our transactions (an RPC node restart) reports a lower pending nonce,
 *   and reusing it would give a second payment hash a nonce the journal already gave to another
 *   (the recovery rebroadcasts those instead). Above it only when the key was used outside the
 *   minter (a manual send): those nonces are gone, and new mints start after them.
 */
export function planNextNonce(parameters: PlanNextNonceParameters): PlanNextNonceReturnType {
  const { storedNext, chainLatestNonce, chainPendingNonce, journalNonces } = parameters
  const stored = storedNext ?? 0n
  const journaled = new Set<bigint>()
  for (const nonce of journalNonces) {
    if (nonce >= stored)
      throw new LightningError({
        code: 'MINT_NONCE_GAP',
        shortMessage: 'The mint journal and the nonce table disagree',
        details: `the journal holds nonce ${nonce} but the stored next nonce is ${stored}`,
      })
    journaled.add(nonce)
  }
  const missing: bigint[] = []
  for (let nonce = chainLatestNonce; nonce < stored; nonce++) if (!journaled.has(nonce)) missing.push(nonce)
  if (missing.length > 0)
    throw new LightningError({
      code: 'MINT_NONCE_GAP',
      shortMessage: 'A nonce between the chain and the stored next nonce has no journal row',
      details: `nonces without a journal row: ${missing.slice(0, 20).join(', ')}${missing.length > 20 ? ', ...' : ''} (chain latest ${chainLatestNonce}, stored next ${stored})`,
    })
  const next = chainPendingNonce > stored ? chainPendingNonce : stored
  return { next, changed: storedNext === undefined || next !== storedNext }
}
