import { createPublicClient, custom, type PublicClient } from 'viem'
import type { EthersProvider } from './EthersProvider.ts'
import { type EthersEip1193ProviderOptions, ethersEip1193Provider } from './ethersEip1193Provider.ts'

export type FromEthersProviderOptions = EthersEip1193ProviderOptions

/**
 * A viem public client whose every request goes through an ethers v6 provider's `send`: what each
 * chainops API that takes a viem client builds from an ethers provider, so that the feature has
 * one implementation (viem's) whichever library the caller holds.
 */
export function fromEthersProvider(provider: EthersProvider, options: FromEthersProviderOptions = {}): PublicClient {
  return createPublicClient({
    transport: custom(ethersEip1193Provider(provider, options), { key: 'ethers', name: 'ethers v6 provider' }),
  })
}
