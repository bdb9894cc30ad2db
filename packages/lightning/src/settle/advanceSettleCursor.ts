import { isChainopsError, type Store } from '@chainops/core'
import { LightningError } from '../errors/LightningError.ts'
import type { SettleCursorValue } from './readSettleCursor.ts'
import { CURSORS_TABLE, settleCursorKey } from './settleCursorKey.ts'

const MAX_ATTEMPTS = 10

/**
 * Moves the node's cursor forward to `settleIndex`, never back (several subscribers or a
 * reconciler may race; the highest wins). Resolves to the cursor after the call.
 */
export async function advanceSettleCursor(parameters: {
  store: Store
  nodeKey: string
  settleIndex: bigint
}): Promise<bigint> {
  const { store, nodeKey, settleIndex } = parameters
  const key = settleCursorKey(nodeKey)
  const value: SettleCursorValue = { settleIndex: settleIndex.toString() }
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const record = await store.get<SettleCursorValue>(CURSORS_TABLE, key)
    try {
      if (!record) {
        await store.putIfAbsent(CURSORS_TABLE, key, value)
        return settleIndex
      }
      const text = record.value?.settleIndex
      if (typeof text === 'string' && /^(0|[1-9][0-9]*)$/.test(text) && BigInt(text) >= settleIndex) return BigInt(text)
      await store.compareAndSet(CURSORS_TABLE, key, record.version, value)
      return settleIndex
    } catch (error) {
      if (!isChainopsError(error, 'STORE_CONDITION_FAILED')) throw error
    }
  }
  throw new LightningError({
    code: 'SETTLE_CURSOR_CONFLICT',
    shortMessage: 'Could not advance the settle cursor',
    details: `${MAX_ATTEMPTS} conflicting writes on ${key}`,
  })
}
