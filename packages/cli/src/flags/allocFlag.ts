import type { GenesisAccount } from '@chainops/clique'
import { isAddress } from 'viem'
import { usageError } from '../errors/usageError.ts'
import { coinsFlag } from './coinsFlag.ts'

/** Repeated `--alloc ADDR=COINS` flags as a genesis alloc in wei. */
export function allocFlag(values: readonly unknown[]): Record<string, GenesisAccount> {
  const alloc: Record<string, GenesisAccount> = {}
  const seen = new Set<string>()
  for (const value of values) {
    const [address, coins, ...rest] = String(value).split('=')
    if (!address || coins === undefined || rest.length > 0 || !isAddress(address, { strict: false })) {
      throw usageError(`--alloc takes ADDRESS=COINS, got "${String(value)}"`)
    }
    if (seen.has(address.toLowerCase())) throw usageError(`--alloc gives ${address} twice`)
    seen.add(address.toLowerCase())
    alloc[address] = { balance: coinsFlag(coins, 'alloc') }
  }
  return alloc
}
