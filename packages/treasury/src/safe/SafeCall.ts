import type { Address, Hex } from 'viem'

/** One call a Safe makes: several are batched through MultiSendCallOnly into one transaction. */
export type SafeCall = {
  to: Address
  /** In wei. */
  value: bigint
  data: Hex
}
