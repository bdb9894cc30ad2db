import { SqliteQueue, SqliteStore } from '@chainops/core'

export type OpenEmbeddedIssuanceResourcesParameters = {
  /** The node:sqlite file holding both the store and the mint queue. */
  path: string
  /** The queue's default visibility timeout (default: SqliteQueue's). */
  visibilityTimeoutMs?: number | undefined
}

export type EmbeddedIssuanceResources = {
  store: SqliteStore
  queue: SqliteQueue
  /** Closes the queue, then the store. */
  close(): Promise<void>
}

/** The embedded mode's store and mint queue (`mint`), both in one node:sqlite file. */
export function openEmbeddedIssuanceResources(
  parameters: OpenEmbeddedIssuanceResourcesParameters,
): EmbeddedIssuanceResources {
  const store = new SqliteStore({ path: parameters.path })
  const queue = new SqliteQueue({
    path: parameters.path,
    name: 'mint',
    ...(parameters.visibilityTimeoutMs === undefined ? {} : { visibilityTimeoutMs: parameters.visibilityTimeoutMs }),
  })
  return {
    store,
    queue,
    async close() {
      await queue.close()
      await store.close()
    },
  }
}
