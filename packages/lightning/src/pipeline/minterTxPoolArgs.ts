import { minterTxPoolLimits } from './minterTxPoolLimits.ts'

/**
 * The same limits as `minterTxPoolLimits`, as geth command-line flags for a devnet node
 * (`startGethClique({ extraArgs })`). See `minterTxPoolLimits` for why each is raised.
 */
export function minterTxPoolArgs(window = 4096): string[] {
  const limits = minterTxPoolLimits(window)
  return [
    '--txpool.accountslots',
    String(limits.accountSlots),
    '--txpool.globalslots',
    String(limits.globalSlots),
    '--txpool.accountqueue',
    String(limits.accountQueue),
    '--txpool.globalqueue',
    String(limits.globalQueue),
  ]
}
