import type { Store } from '@chainops/core'
import { readSettleCursorState } from './readSettleCursorState.ts'

/** The last settle_index fully handled for the node (0n before the first). */
export async function readSettleCursor(parameters: { store: Store; nodeKey: string }): Promise<bigint> {
  return (await readSettleCursorState(parameters)).settleIndex
}
