import type { Address } from 'viem'
import type { MintJob } from './MintJob.ts'
import type { MintJournalRow, MintTxVariant } from './MintJournalRow.ts'

/** The journal row of a job sent from `from`: the first signature, then its fee bumps. */
export function mintJobToRow(job: MintJob, from: Address): MintJournalRow {
  const first = job.variants[0] as MintTxVariant
  return {
    paymentHash: job.paymentHash,
    from,
    to: job.to,
    valueWei: job.valueWei.toString(),
    nonce: job.nonce.toString(),
    gas: job.gas.toString(),
    rawTx: first.rawTx,
    txHash: first.txHash,
    maxFeePerGas: first.maxFeePerGas,
    maxPriorityFeePerGas: first.maxPriorityFeePerGas,
    createdAt: first.at,
    feeBumps: job.variants.slice(1),
  }
}
