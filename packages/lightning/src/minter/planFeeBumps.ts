import { bumpedFees } from './bumpedFees.ts'
import { currentMintVariant } from './currentMintVariant.ts'
import type { MinterGasSettings, MintFees } from './MinterGasSettings.ts'
import type { MintJob } from './MintJob.ts'

export type PlanFeeBumpsParameters<TJob extends Pick<MintJob, 'variants' | 'signedAtBlock'>> = {
  /** The jobs in flight, in the order they should be bumped (lowest nonce first). */
  jobs: readonly TJob[]
  baseFeePerGas: bigint
  /** The chain head. */
  head: bigint
  /** Blocks after its signature before a job with a fee cap under the base fee is bumped. */
  bumpAfterBlocks: bigint
  settings?: MinterGasSettings | undefined
  /** Jobs looked at per round (default 200). */
  limit?: number | undefined
}

export type PlanFeeBumpsReturnType<TJob> = Array<{ job: TJob; fees: MintFees }>

/**
 * Which in-flight mints to re-sign at the same nonce, and at what fees: those whose current fee
 * cap the base fee has overtaken, at least `bumpAfterBlocks` after they were signed, up to
 * `limit` of them; a job whose bump the ceiling leaves no room for (`bumpedFees`) is skipped.
 */
export function planFeeBumps<TJob extends Pick<MintJob, 'variants' | 'signedAtBlock'>>(
  parameters: PlanFeeBumpsParameters<TJob>,
): PlanFeeBumpsReturnType<TJob> {
  const { jobs, baseFeePerGas, head, bumpAfterBlocks, settings = {}, limit = 200 } = parameters
  const stuck = jobs.filter(
    (job) =>
      BigInt(currentMintVariant(job).maxFeePerGas) < baseFeePerGas && head >= job.signedAtBlock + bumpAfterBlocks,
  )
  const plan: PlanFeeBumpsReturnType<TJob> = []
  for (const job of stuck.slice(0, limit)) {
    const current = currentMintVariant(job)
    const fees = bumpedFees(
      { maxFeePerGas: BigInt(current.maxFeePerGas), maxPriorityFeePerGas: BigInt(current.maxPriorityFeePerGas) },
      baseFeePerGas,
      settings,
    )
    if (fees) plan.push({ job, fees })
  }
  return plan
}
