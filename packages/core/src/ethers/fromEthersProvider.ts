import { createPublicClient, custom, type PublicClient } from 'viem'
import type { EthersProvider } from './EthersProvider.ts'
import { type EthersEip1193ProviderOptions, ethersEip1193Provider } from './ethersEip1193Provider.ts'
import { pollingIntervalOf } from './pollingIntervalOf.ts'

export type FromEthersProviderOptions = EthersEip1193ProviderOptions

/**
 * A viem public client whose every request goes through an ethers v6 provider's `send`: what each
 * chainops API that takes a viem client builds from an ethers provider, so that the feature has
 * one implementation (viem's) whichever library the caller holds. Receipts and blocks are polled
 * at the provider's own `pollingInterval` (ethers' default 4 s).
 */
export function fromEthersProvider(provider: EthersProvider, options: FromEthersProviderOptions = {}): PublicClient {
  return createPublicClient({
    ...pollingIntervalOf(provider),
    transport: custom(ethersEip1193Provider(provider, options), { key: 'ethers', name: 'ethers v6 provider' }),
  })
}
