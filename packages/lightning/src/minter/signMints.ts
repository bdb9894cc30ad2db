import { keccak256 } from 'viem'
import type { MinterContext } from './MinterContext.ts'
import type { MintFees } from './MinterGasSettings.ts'
import type { MintJob } from './MintJob.ts'
import type { MintTxVariant } from './MintJournalRow.ts'

/** Signs one EIP-1559 variant per job, all at `fees` (in parallel when the signer has threads), in order. */
export async function signMints(
  context: Pick<MinterContext, 'signer' | 'chainId'>,
  jobs: ReadonlyArray<Pick<MintJob, 'nonce' | 'to' | 'valueWei' | 'gas'>>,
  fees: MintFees,
): Promise<MintTxVariant[]> {
  const raws = await context.signer.sign(
    jobs.map((job) => ({
      type: 'eip1559' as const,
      chainId: context.chainId,
      nonce: Number(job.nonce),
      to: job.to,
      value: job.valueWei,
      gas: job.gas,
      maxFeePerGas: fees.maxFeePerGas,
      maxPriorityFeePerGas: fees.maxPriorityFeePerGas,
    })),
  )
  const at = new Date().toISOString()
  return raws.map((rawTx) => ({
    rawTx,
    txHash: keccak256(rawTx),
    maxFeePerGas: fees.maxFeePerGas.toString(),
    maxPriorityFeePerGas: fees.maxPriorityFeePerGas.toString(),
    at,
  }))
}
