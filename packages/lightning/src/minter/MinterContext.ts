import type { Logger, Store } from '@chainops/core'
import type { Address, Client } from 'viem'
import type { TransactionSigner } from './createTransactionSigner.ts'
import type { MinterHooks } from './Minter.ts'
import type { MinterGasSettings } from './MinterGasSettings.ts'
import type { MintTracker } from './MintTracker.ts'

/** What the parts of one minter share: its settings, its tracked jobs, its counters and its view of the chain. */
export type MinterContext = {
  readonly store: Store
  /** Any viem client over the chain's public RPC: read through viem's public actions, sent raw. */
  readonly client: Client
  readonly address: Address
  readonly chainId: number
  readonly signer: TransactionSigner
  /** Gas of one mint. */
  readonly gas: bigint
  readonly gasSettings: MinterGasSettings
  readonly confirmations: bigint
  readonly resendAfterMs: number
  readonly bumpAfterBlocks: bigint
  /** Mints signed per store transaction. */
  readonly chunkSize: number
  readonly hooks: MinterHooks
  readonly logger: Logger
  readonly tracker: MintTracker
  readonly counters: {
    journaled: number
    broadcasts: number
    rebroadcasts: number
    feeBumps: number
    minted: number
    failed: number
  }
  /** The nonce the next new mint gets. */
  nonceNext: bigint
  /** The version of `nonces[address]` that `nonceNext` was read or written at. */
  nonceVersion: number | undefined
  /** The last block whose receipts were matched (head - confirmations at most). */
  lastScanned: bigint
  /** The latest block's base fee, as last read. */
  baseFee: bigint
}
