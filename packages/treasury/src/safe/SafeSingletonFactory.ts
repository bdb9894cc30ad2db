import type { Address, Hex } from 'viem'

/** The Safe singleton factory, as read and checked from its published deployment data. */
export type SafeSingletonFactory = {
  /** 0x914d7Fec6aaC8cd542e72Bca78B30650d45643d7 on every EVM chain. */
  address: Address
  /** The Safe team's deployer key, nonce 0. */
  deployer: Address
  /** The init code of the presigned deployment transaction. */
  initCode: Hex
  /** The code the init code returns: what lives at `address`. */
  runtimeCode: Hex
  /** Where the bytes come from. */
  source: string
}
