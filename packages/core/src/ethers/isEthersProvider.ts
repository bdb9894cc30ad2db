import type { EthersProvider } from './EthersProvider.ts'

/**
 * Whether `value` is an ethers v6 provider rather than a viem client or an EIP-1193 provider: it has
 * `getNetwork` and no `request` (viem clients and EIP-1193 providers have one; ethers v6 providers
 * do not). One without `send` (a `FallbackProvider`) counts too, so that the adapters refuse it by
 * name (`ETHERS_PROVIDER_UNSUPPORTED`) instead of passing it on as a viem client.
 */
export function isEthersProvider(value: unknown): value is EthersProvider {
  if (typeof value !== 'object' || value === null) return false
  const candidate = value as Record<string, unknown>
  return typeof candidate.getNetwork === 'function' && typeof candidate.request !== 'function'
}
