import type { EthersProvider } from './EthersProvider.ts'

/** The ethers provider's `pollingInterval`, for viem's polling (receipts, block watchers). */
export function pollingIntervalOf(provider: EthersProvider): { pollingInterval?: number } {
  const interval = (provider as { pollingInterval?: unknown }).pollingInterval
  return typeof interval === 'number' && interval > 0 ? { pollingInterval: interval } : {}
}
