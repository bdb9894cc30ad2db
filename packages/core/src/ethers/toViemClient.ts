import type { Client, PublicClient } from 'viem'
import type { EthersProvider } from './EthersProvider.ts'
import { type FromEthersProviderOptions, fromEthersProvider } from './fromEthersProvider.ts'
import { isEthersProvider } from './isEthersProvider.ts'

/**
 * The boundary of every chainops API that takes a viem client: a viem client is returned as it is,
 * an ethers v6 provider becomes a viem public client over its `send` (`fromEthersProvider`).
 */
export function toViemClient<TClient extends Client>(
  client: TClient | EthersProvider,
  options: FromEthersProviderOptions = {},
): TClient | PublicClient {
  return isEthersProvider(client) ? fromEthersProvider(client, options) : client
}
