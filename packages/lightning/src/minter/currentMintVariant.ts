import type { MintJob } from './MintJob.ts'
import type { MintTxVariant } from './MintJournalRow.ts'

/** The variant a job sends: its last fee bump, or its first signature. */
export function currentMintVariant(job: Pick<MintJob, 'variants'>): MintTxVariant {
  return job.variants[job.variants.length - 1] as MintTxVariant
}
