/** A repeated string flag's values (`--x a --x b`, or one `--x a`), empty ones dropped; `[]` when absent. */
export function stringListFlag(value: unknown): string[] {
  const values = Array.isArray(value) ? value : [value]
  return values.filter((item): item is string => typeof item === 'string' && item !== '')
}
