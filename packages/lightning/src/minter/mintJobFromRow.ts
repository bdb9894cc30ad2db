import type { MintJob } from './MintJob.ts'
import type { MintJournalRow } from './MintJournalRow.ts'

/** The job of an open journal row, not yet sent by this minter; fee bumps wait from `signedAtBlock`. */
export function mintJobFromRow(row: MintJournalRow, signedAtBlock: bigint): MintJob {
  return {
    paymentHash: row.paymentHash,
    to: row.to,
    valueWei: BigInt(row.valueWei),
    nonce: BigInt(row.nonce),
    gas: BigInt(row.gas),
    variants: [
      {
        rawTx: row.rawTx,
        txHash: row.txHash,
        maxFeePerGas: row.maxFeePerGas,
        maxPriorityFeePerGas: row.maxPriorityFeePerGas,
        at: row.createdAt,
      },
      ...row.feeBumps,
    ],
    lastSentAt: 0,
    sending: false,
    signedAtBlock,
    waiters: [],
  }
}
