import type { Store } from '@chainops/core'
import { LightningError } from '../errors/LightningError.ts'
import { CURSORS_TABLE, settleCursorKey } from './settleCursorKey.ts'

export type SettleCursorValue = { settleIndex: string }

/** The last settle_index fully handled for the node (0n before the first). */
export async function readSettleCursor(parameters: { store: Store; nodeKey: string }): Promise<bigint> {
  const record = await parameters.store.get<SettleCursorValue>(CURSORS_TABLE, settleCursorKey(parameters.nodeKey))
  if (!record) return 0n
  const text = record.value?.settleIndex
  if (typeof text !== 'string' || !/^(0|[1-9][0-9]*)$/.test(text))
    throw new LightningError({
      code: 'SETTLE_INVALID_RECORD',
      shortMessage: 'Malformed settle cursor record',
      details: `key ${settleCursorKey(parameters.nodeKey)}`,
    })
  return BigInt(text)
}
