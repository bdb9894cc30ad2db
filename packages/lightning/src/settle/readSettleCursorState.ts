import type { Store } from '@chainops/core'
import { LightningError } from '../errors/LightningError.ts'
import { CURSORS_TABLE, settleCursorKey } from './settleCursorKey.ts'

/**
 * The cursor record: the last settle_index fully handled and, when known, lnd's settle time of
 * that settle (or of an earlier one: never a later one), which bounds the reconciler's window.
 */
export type SettleCursorValue = { settleIndex: string; settledAt?: string | undefined }

export type SettleCursorState = {
  /** 0n before the first settle. */
  settleIndex: bigint
  /** ISO 8601, at or before the settle of `settleIndex`; undefined before the first or in a record written before it was kept. */
  settledAt: string | undefined
}

/** The node's settle cursor with the settle time kept beside it. */
export async function readSettleCursorState(parameters: { store: Store; nodeKey: string }): Promise<SettleCursorState> {
  const key = settleCursorKey(parameters.nodeKey)
  const record = await parameters.store.get<SettleCursorValue>(CURSORS_TABLE, key)
  if (!record) return { settleIndex: 0n, settledAt: undefined }
  const text = record.value?.settleIndex
  const settledAt = record.value?.settledAt
  if (
    typeof text !== 'string' ||
    !/^(0|[1-9][0-9]*)$/.test(text) ||
    (settledAt !== undefined && (typeof settledAt !== 'string' || Number.isNaN(Date.parse(settledAt))))
  )
    throw new LightningError({
      code: 'SETTLE_INVALID_RECORD',
      shortMessage: 'Malformed settle cursor record',
      details: `key ${key}`,
    })
  return { settleIndex: BigInt(text), settledAt }
}
