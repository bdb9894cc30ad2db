import type { Address } from 'viem'

/** One role of the layout with the address its key has. */
export type DerivedRole = {
  readonly tier: string
  readonly role: string
  readonly path: string
  /** EIP-55 checksummed. */
  readonly address: Address
}
