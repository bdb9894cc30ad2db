import type { Address, Hex } from 'viem'

/** One of the competing blocks at the stalled height. */
export type ForkStallBlock = {
  hash: Hex
  /** The signer that sealed it (recovered from its seal). */
  sealer: Address
  /** Always 1: sealed out of turn. */
  difficulty: bigint
  /** Which of the heads compared (their index) hold this block as head. */
  heads: number[]
}

/**
 * Clique's equal-difficulty fork stall: two (or more) sealers each hold their own block at one
 * height, every one sealed out of turn (difficulty 1), so no branch is heavier and geth keeps its
 * own; on every branch the next block is due from a signer that "signed recently" there or is
 * down, so no block comes until a signer that sealed neither block returns.
 */
export type ForkStall = {
  code: 'CLIQUE_FORK_STALL'
  /** The height at which the heads differ. */
  number: bigint
  /** The competing blocks, ordered by sealer address. */
  blocks: ForkStallBlock[]
  /** Seconds since the newest of the heads was sealed. */
  age: bigint
  /** One line for an operator: the height, the blocks, their sealers and what breaks the stall. */
  message: string
}
