import { diff } from 'node:util'

/**
 * The lines that differ between a committed report and the one the code gives now, `-` for the
 * committed line and `+` for the new one, with `context` unchanged lines around each change and an
 * `@@ line N` header (the line in the committed report) where each hunk starts.
 */
export function formatReportDiff(committed: string, current: string, context = 2): string {
  // util.diff(actual, expected): 1 = only in actual (the committed report), -1 = only in expected.
  const operations = diff(committed.split('\n'), current.split('\n'))
  const shown = new Set<number>()
  operations.forEach(([operation], index) => {
    if (operation === 0) return
    for (let near = index - context; near <= index + context; near++) shown.add(near)
  })
  const out: string[] = []
  let committedLine = 1
  let previous = -2
  operations.forEach(([operation, text], index) => {
    if (shown.has(index)) {
      if (index !== previous + 1) out.push(`@@ line ${committedLine}`)
      out.push(`${operation === 0 ? ' ' : operation === 1 ? '-' : '+'} ${text}`)
      previous = index
    }
    if (operation !== -1) committedLine++
  })
  return out.join('\n')
}
