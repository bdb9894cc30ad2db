import { isChainopsError, type Store } from '@chainops/core'
import { LightningError } from '../errors/LightningError.ts'
import type { SettleCursorValue } from './readSettleCursorState.ts'
import { CURSORS_TABLE, settleCursorKey } from './settleCursorKey.ts'

const MAX_ATTEMPTS = 10

/**
 * Moves the node's cursor forward to `settleIndex`, never back (several subscribers or a
 * reconciler may race; the highest wins). Resolves to the cursor after the call.
 *
 * `settledAt` (lnd's settle time of that settle) is kept with the cursor: the reconciler's window
 * starts from it. When it is not given the record keeps the earlier settle's time, which is still
 * a safe (only wider) bound.
 */
export async function advanceSettleCursor(parameters: {
  store: Store
  nodeKey: string
  settleIndex: bigint
  settledAt?: string | undefined
}): Promise<bigint> {
  const { store, nodeKey, settleIndex, settledAt } = parameters
  const key = settleCursorKey(nodeKey)
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const record = await store.get<SettleCursorValue>(CURSORS_TABLE, key)
    try {
      if (!record) {
        await store.putIfAbsent(CURSORS_TABLE, key, cursorValue(settleIndex, settledAt))
        return settleIndex
      }
      const text = record.value?.settleIndex
      if (typeof text === 'string' && /^(0|[1-9][0-9]*)$/.test(text) && BigInt(text) >= settleIndex) return BigInt(text)
      const previous = typeof record.value?.settledAt === 'string' ? record.value.settledAt : undefined
      await store.compareAndSet(CURSORS_TABLE, key, record.version, cursorValue(settleIndex, settledAt ?? previous))
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

function cursorValue(settleIndex: bigint, settledAt: string | undefined): SettleCursorValue {
  return settledAt === undefined
    ? { settleIndex: settleIndex.toString() }
    : { settleIndex: settleIndex.toString(), settledAt }
}
