import type { Account, Chain, Hash, PublicClient, Transport, WalletClient } from 'viem'
import { type DistributeSplitCallParameters, distributeSplitCall } from './distributeSplitCall.ts'
import { SplitsError } from './SplitsError.ts'

export type DistributeSplitParameters = DistributeSplitCallParameters & {
  publicClient: PublicClient
  walletClient: WalletClient<Transport, Chain | undefined, Account>
}

/** Distributes a split from any account (a keeper, a member): distribute needs no controller. */
export async function distributeSplit(parameters: DistributeSplitParameters): Promise<Hash> {
  const { publicClient, walletClient } = parameters
  const call = distributeSplitCall(parameters)
  const hash = await walletClient.sendTransaction({
    account: walletClient.account,
    chain: walletClient.chain ?? null,
    to: call.to,
    data: call.data,
  })
  const receipt = await publicClient.waitForTransactionReceipt({ hash })
  if (receipt.status !== 'success') {
    throw new SplitsError({
      code: 'SPLITS_TRANSACTION_FAILED',
      shortMessage: `distributing split ${call.to} reverted`,
      details: `transaction ${hash}`,
    })
  }
  return hash
}
