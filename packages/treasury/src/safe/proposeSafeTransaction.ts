import type { Hash } from 'viem'
import type { ProtocolKitSafe } from './ProtocolKitSafe.ts'
import type { SafeCall } from './SafeCall.ts'
import { SafeError } from './SafeError.ts'
import type { SafeTransaction } from './SafeTransaction.ts'

export type ProposeSafeTransactionParameters = {
  safe: ProtocolKitSafe
  /** One call goes out as is; several are batched through MultiSendCallOnly (a DELEGATECALL). */
  calls: readonly SafeCall[]
  /** Default: the Safe's current nonce. */
  nonce?: number
}

export type ProposeSafeTransactionReturnType = {
  transaction: SafeTransaction
  /** The EIP-712 hash owners sign, as the Safe contract computes it. */
  safeTxHash: Hash
}

/**
 * Builds a Safe transaction through protocol-kit, unsigned. Batches use MultiSendCallOnly, so a
 * batch can never DELEGATECALL anything but the audited batching contract itself.
 */
export async function proposeSafeTransaction(
  parameters: ProposeSafeTransactionParameters,
): Promise<ProposeSafeTransactionReturnType> {
  const { safe, calls, nonce } = parameters
  if (calls.length === 0) {
    throw new SafeError({ code: 'SAFE_TRANSACTION_FAILED', shortMessage: 'a Safe transaction needs at least one call' })
  }
  const transaction = await safe.createTransaction({
    transactions: calls.map(({ to, value, data }) => ({ to, value: value.toString(), data })),
    onlyCalls: true,
    ...(nonce === undefined ? {} : { options: { nonce } }),
  })
  const safeTxHash = (await safe.getTransactionHash(transaction)) as Hash
  return { transaction, safeTxHash }
}
