import type { Queue, Secret, Store } from '@chainops/core'
import type { Hex } from 'viem'

/**
 * What a mode's service runs on, already opened: the store, the mint queue and the operator key
 * (`openEmbeddedIssuanceResources` plus a key, or `openAwsIssuanceResources` from
 * `@chainops/lightning/aws`). `close()` closes the queue and the store.
 */
export type IssuanceResources = {
  store: Store
  queue: Queue
  /** The operator key that sends the mints (with K keys, the first); never logged. */
  signerKey: Secret<Hex>
  /** Sharded sending keys: all K operator keys, `signerKey` first; absent means the one `signerKey`. */
  signerKeys?: readonly Secret<Hex>[] | undefined
  close(): Promise<void>
}
