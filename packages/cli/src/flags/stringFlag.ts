/** A string flag's value, or undefined when it is absent or empty (so that `--db ''` means the default). */
export function stringFlag(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}
