import { type EthersProvider, type EthersSigner, toViemClient, toWalletClient } from '@chainops/core/ethers'
import type { Account, Chain, Hash, PublicClient, Transport, WalletClient } from 'viem'
import { type DistributeSplitCallParameters, distributeSplitCall } from './distributeSplitCall.ts'
import { SplitsError } from './SplitsError.ts'

export type DistributeSplitParameters = DistributeSplitCallParameters & {
  /** A viem public client or an ethers v6 provider. */
  publicClient: PublicClient | EthersProvider
  /** Sends the distribution: a viem wallet client or an ethers v6 signer with a provider. */
  walletClient: WalletClient<Transport, Chain | undefined, Account> | EthersSigner
}

/** Distributes a split from any account (a keeper, a member): distribute needs no controller. */
export async function distributeSplit(parameters: DistributeSplitParameters): Promise<Hash> {
  const publicClient = toViemClient(parameters.publicClient)
  const walletClient = await toWalletClient(parameters.walletClient)
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
