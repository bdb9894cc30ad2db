import type { MintSubmission } from './Minter.ts'
import type { MintJournalRow } from './MintJournalRow.ts'

export type ClassifyJournalRowParameters = {
  /** The payment hash submitted (the row's key). */
  paymentHash: string
  row: MintJournalRow
  /** This minter's sending address. */
  sender: string
}

/**
 * What an existing journal row means for a submitted payment hash: journaled by another sending
 * key -> dead (`MINT_NONCE_CONFLICT`: this key must never give it a second nonce); ended minted
 * -> minted; ended reverted or in conflict -> dead with that code; undefined while it is open
 * (the caller tracks it and sends the same raw transaction again).
 */
export function classifyJournalRow(parameters: ClassifyJournalRowParameters): MintSubmission | undefined {
  const { paymentHash, row, sender } = parameters
  if (row.from.toLowerCase() !== sender.toLowerCase())
    return {
      paymentHash,
      status: 'dead',
      code: 'MINT_NONCE_CONFLICT',
      reason: `journaled by another sending key ${row.from}`,
    }
  if (row.outcome?.kind === 'minted')
    return { paymentHash, status: 'minted', txHash: row.outcome.txHash, block: row.outcome.block }
  if (row.outcome)
    return {
      paymentHash,
      status: 'dead',
      code: row.outcome.kind === 'reverted' ? 'MINT_REVERTED' : 'MINT_NONCE_CONFLICT',
      reason: `the journaled mint ended ${row.outcome.kind}`,
    }
  return undefined
}
