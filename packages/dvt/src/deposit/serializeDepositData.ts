import type { DepositDataEntry } from './DepositDataEntry.ts'

/**
 * The text of a `deposit_data-*.json` file exactly as ethstaker-deposit writes it: Python's
 * `json.dump` with its default separators (`", "` between items, `": "` after keys), one line, no
 * newline at the end, the fields in the entries' order.
 */
export function serializeDepositData(entries: readonly DepositDataEntry[]): string {
  const entryText = (entry: DepositDataEntry) =>
    `{${Object.entries(entry)
      .map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`)
      .join(', ')}}`
  return `[${entries.map(entryText).join(', ')}]`
}
