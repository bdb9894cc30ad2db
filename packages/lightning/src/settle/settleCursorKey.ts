/** The Store table of subscriber cursors. */
export const CURSORS_TABLE = 'cursors'

/** The cursor record's key for one lnd node: `settle_index:<pubkey>`. */
export function settleCursorKey(nodeKey: string): string {
  return `settle_index:${nodeKey}`
}
