import type { Account, Chain, LocalAccount, Transport, WalletClient } from 'viem'
import type { EthersSigner } from './EthersSigner.ts'
import { fromEthersSignerToWalletClient } from './fromEthersSignerToWalletClient.ts'
import { isEthersSigner } from './isEthersSigner.ts'

/**
 * The boundary of every chainops API that takes a viem wallet client: a wallet client is returned
 * as it is, an ethers v6 signer connected to a provider becomes one (`fromEthersSignerToWalletClient`).
 */
export async function toWalletClient(
  walletClient: WalletClient<Transport, Chain | undefined, Account> | EthersSigner,
): Promise<WalletClient<Transport, Chain | undefined, Account | LocalAccount>> {
  return isEthersSigner(walletClient) ? fromEthersSignerToWalletClient(walletClient) : walletClient
}
