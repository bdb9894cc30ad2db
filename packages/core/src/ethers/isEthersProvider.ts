import type { EthersProvider } from './EthersProvider.ts'

/**
 * Whether `value` is an ethers v6 JSON-RPC provider rather than a viem client or an EIP-1193
 * provider: it has `send` and `getNetwork`, and no `request` (viem clients and EIP-1193 providers
 * have one; ethers v6 providers do not).
 */
export function isEthersProvider(value: unknown): value is EthersProvider {
  if (typeof value !== 'object' || value === null) return false
  const candidate = value as Record<string, unknown>
  return (
    typeof candidate.send === 'function' &&
    typeof candidate.getNetwork === 'function' &&
    typeof candidate.request !== 'function'
  )
}
