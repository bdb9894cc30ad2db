import type { ProtocolKitSafe } from './ProtocolKitSafe.ts'
import { SafeError } from './SafeError.ts'
import type { SafeTransaction } from './SafeTransaction.ts'

export type CollectSafeSignaturesParameters = {
  safe: ProtocolKitSafe
  /** Copies of one Safe transaction, each signed by some owners (one per member, say). */
  transactions: readonly SafeTransaction[]
}

/**
 * Merges the signatures owners made on separate copies of the same Safe transaction into one.
 * Copies of different transactions (another nonce, call or value) are refused with
 * SAFE_SIGNATURES_FOR_OTHER_TRANSACTION rather than merged into a transaction nobody signed.
 */
export async function collectSafeSignatures(parameters: CollectSafeSignaturesParameters): Promise<SafeTransaction> {
  const { safe, transactions } = parameters
  const [first] = transactions
  if (!first) {
    throw new SafeError({ code: 'SAFE_SIGNATURES_FOR_OTHER_TRANSACTION', shortMessage: 'no transactions to collect' })
  }
  const hash = await safe.getTransactionHash(first)
  const merged = await safe.copyTransaction(first)
  for (const [index, transaction] of transactions.entries()) {
    const other = await safe.getTransactionHash(transaction)
    if (other !== hash) {
      throw new SafeError({
        code: 'SAFE_SIGNATURES_FOR_OTHER_TRANSACTION',
        shortMessage: `transaction ${index} is not the same Safe transaction`,
        details: `its hash is ${other}, the first one's ${hash}`,
      })
    }
    for (const signature of transaction.signatures.values()) merged.addSignature(signature)
  }
  return merged
}
