import type { Address } from 'viem'
import { DevnetError } from '../DevnetError.ts'
import type { GethGenesis } from './GethGenesis.ts'

/**
 * A copy of `genesis` whose alloc also funds `balances`. An address the genesis already funds
 * keeps its entry when the balance is the same and is refused when it differs, so the devnet
 * never silently changes a balance the caller's builder chose.
 */
export function withGenesisBalances(
  genesis: GethGenesis,
  balances: ReadonlyArray<{ address: Address; balanceWei: bigint }>,
): GethGenesis {
  const alloc: GethGenesis['alloc'] = { ...(genesis.alloc ?? {}) }
  const funded = new Map<string, string>()
  for (const key of Object.keys(alloc)) funded.set(key.toLowerCase().replace(/^0x/, ''), key)
  for (const { address, balanceWei } of balances) {
    const existingKey = funded.get(address.toLowerCase().slice(2))
    if (existingKey !== undefined) {
      const existing = alloc[existingKey]?.balance
      if (existing === undefined || BigInt(existing) !== balanceWei) {
        throw new DevnetError({
          code: 'DEVNET_BAD_OPTIONS',
          shortMessage: `genesis already funds ${address} with a different balance`,
          details: `genesis has ${existing}, the devnet was asked for ${balanceWei} wei`,
        })
      }
      continue
    }
    alloc[address.toLowerCase()] = { balance: `0x${balanceWei.toString(16)}` }
  }
  return { ...genesis, alloc }
}
