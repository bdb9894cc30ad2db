import type { EthersProvider } from './EthersProvider.ts'
import { type Eip1193RequestProvider, ethersEip1193Provider } from './ethersEip1193Provider.ts'
import { isEthersProvider } from './isEthersProvider.ts'

/**
 * The boundary of every chainops API that takes an EIP-1193 provider (protocol-kit's): anything
 * else is returned as it is, an ethers v6 provider becomes an EIP-1193 `request` over its `send`.
 */
export function toEip1193Provider<TProvider>(provider: TProvider | EthersProvider): TProvider | Eip1193RequestProvider {
  return isEthersProvider(provider) ? ethersEip1193Provider(provider) : provider
}
