import { type Chain, createWalletClient, custom, type LocalAccount, type Transport, type WalletClient } from 'viem'
import { EthersAdapterError } from './EthersAdapterError.ts'
import type { EthersSigner } from './EthersSigner.ts'
import { ethersEip1193Provider } from './ethersEip1193Provider.ts'
import { fromEthersSigner } from './fromEthersSigner.ts'
import { isEthersProvider } from './isEthersProvider.ts'
import { pollingIntervalOf } from './pollingIntervalOf.ts'

/**
 * A viem wallet client for an ethers v6 signer connected to a JSON-RPC provider: its account signs
 * through the signer (`fromEthersSigner`), its requests go through the signer's provider, and its
 * transactions are signed locally and sent raw (`eth_sendRawTransaction`).
 */
export async function fromEthersSignerToWalletClient(
  signer: EthersSigner,
): Promise<WalletClient<Transport, Chain | undefined, LocalAccount>> {
  const provider = signer.provider
  if (!provider)
    throw new EthersAdapterError({
      code: 'ETHERS_SIGNER_NO_PROVIDER',
      shortMessage: 'the ethers signer is not connected to a provider, and this API sends transactions',
      details: 'connect it first: wallet.connect(new JsonRpcProvider(url))',
    })
  if (!isEthersProvider(provider))
    throw new EthersAdapterError({
      code: 'ETHERS_PROVIDER_UNSUPPORTED',
      shortMessage: "the ethers signer's provider has no send(): chainops needs a JSON-RPC provider",
      details: 'connect the signer to an ethers v6 JsonRpcProvider, WebSocketProvider or BrowserProvider',
    })
  const account = await fromEthersSigner(signer)
  return createWalletClient({
    account,
    ...pollingIntervalOf(provider),
    transport: custom(ethersEip1193Provider(provider), { key: 'ethers', name: 'ethers v6 provider' }),
  })
}
