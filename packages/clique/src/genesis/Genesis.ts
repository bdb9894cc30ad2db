import type { Address, Hex } from 'viem'
import type { BlockForkName, UnsupportedForkName } from './forks.ts'

/** One account of the genesis alloc. Storage maps 32-byte slots to 32-byte words. */
export type GenesisAccount = {
  balance: bigint
  nonce?: bigint | undefined
  code?: Hex | undefined
  storage?: Record<Hex, Hex> | undefined
}

/** The chain config of a Clique genesis. Block numbers and times are JSON numbers in geth's file. */
export type GenesisConfig = {
  chainId: number
  clique: { period: number; epoch: number }
  daoForkSupport?: boolean | undefined
  terminalTotalDifficulty?: number | undefined
} & { [fork in BlockForkName | UnsupportedForkName]?: number | undefined }

/**
 * A Clique genesis, typed: quantities are bigint, byte strings lower-case hex, alloc keyed by
 * checksummed address. `baseFeePerGas` stays `undefined` when absent so the hash follows geth's
 * own default (1 gwei under London).
 */
export type Genesis = {
  config: GenesisConfig
  nonce: bigint
  timestamp: bigint
  extraData: Hex
  gasLimit: bigint
  difficulty: bigint
  mixHash: Hex
  coinbase: Address
  number: bigint
  gasUsed: bigint
  parentHash: Hex
  baseFeePerGas: bigint | undefined
  alloc: Record<Address, GenesisAccount>
}
