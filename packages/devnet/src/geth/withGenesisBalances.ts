import type { Genesis } from '@chainops/clique'
import { type Address, getAddress } from 'viem'
import { DevnetError } from '../DevnetError.ts'

/**
 * A copy of `genesis` whose alloc also funds `balances`. An address the genesis already funds
 * keeps its entry when the balance is the same and is refused when it differs, so the devnet
 * never silently changes a balance the caller's builder chose.
 */
export function withGenesisBalances(
  genesis: Genesis,
  balances: ReadonlyArray<{ address: Address; balanceWei: bigint }>,
): Genesis {
  const alloc: Genesis['alloc'] = { ...genesis.alloc }
  const funded = new Map<string, Address>()
  for (const key of Object.keys(alloc) as Address[]) funded.set(key.toLowerCase(), key)
  for (const { address, balanceWei } of balances) {
    const existingKey = funded.get(address.toLowerCase())
    if (existingKey !== undefined) {
      const existing = alloc[existingKey]?.balance
      if (existing !== balanceWei) {
        throw new DevnetError({
          code: 'DEVNET_BAD_OPTIONS',
          shortMessage: `genesis already funds ${address} with a different balance`,
          details: `genesis has ${existing} wei, the devnet was asked for ${balanceWei} wei`,
        })
      }
      continue
    }
    alloc[getAddress(address)] = { balance: balanceWei }
  }
  return { ...genesis, alloc }
}
