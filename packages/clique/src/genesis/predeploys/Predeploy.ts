import type { Address, Hex } from 'viem'

/** A contract placed in the genesis alloc: its runtime code, storage and balance at a fixed address. */
export type Predeploy = {
  name: string
  address: Address
  code: Hex
  storage?: Record<Hex, Hex> | undefined
  balance?: bigint | undefined
  /** Where the code comes from, so a reader can check it. */
  source: string
}
