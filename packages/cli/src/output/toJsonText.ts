/** JSON for `--json` output: bigints become decimal strings (exact), Maps become objects, indented. */
export function toJsonText(value: unknown): string {
  return JSON.stringify(
    value,
    (_key, item: unknown) => {
      if (typeof item === 'bigint') return item.toString()
      if (item instanceof Map) return Object.fromEntries(item)
      return item
    },
    2,
  )
}
