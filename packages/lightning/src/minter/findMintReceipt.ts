import { type Client, TransactionReceiptNotFoundError } from 'viem'
import { getTransactionReceipt } from 'viem/actions'
import type { MintJob } from './MintJob.ts'
import type { MintReceipt } from './MintReceipt.ts'

/** Looks the receipt of every variant of a job up, oldest first; resolves to the first found (at most one can be mined). */
export async function findMintReceipt(
  client: Client,
  job: Pick<MintJob, 'variants'>,
): Promise<MintReceipt | undefined> {
  for (const variant of job.variants) {
    try {
      return await getTransactionReceipt(client, { hash: variant.txHash })
    } catch (error) {
      if (!(error instanceof TransactionReceiptNotFoundError)) throw error
    }
  }
  return undefined
}
