import type { Address, Hex } from 'viem'

/** One call to SSVNetwork (or its token), ready to send or to propose through a Safe. */
export type SsvNetworkCall = {
  readonly to: Address
  readonly value: 0n
  readonly data: Hex
}
