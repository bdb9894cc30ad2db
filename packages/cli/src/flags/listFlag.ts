/** A comma-separated list (`--hosts a,b,c`), items trimmed, empty items dropped; undefined when the flag is absent. */
export function listFlag(value: unknown): string[] | undefined {
  if (value === undefined) return undefined
  return String(value)
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
}
