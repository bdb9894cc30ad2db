import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { formatReportDiff } from '../scripts/api/formatReportDiff.ts'
import { renderApiReports } from '../scripts/api/renderApiReports.ts'

const root = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '')
const apiDir = join(root, 'api')

describe('public API surface (api/*.api.md)', () => {
  it('each entry point of each published package exports exactly what its committed report records', function () {
    this.timeout(180_000)
    const reports = renderApiReports(root)
    const committed = existsSync(apiDir) ? readdirSync(apiDir).filter((file) => file.endsWith('.api.md')) : []
    const problems: string[] = []
    for (const report of reports) {
      const file = join(apiDir, report.fileName)
      if (!existsSync(file)) {
        problems.push(`api/${report.fileName} is missing: ${report.specifier} is a new entry point.`)
        continue
      }
      const text = readFileSync(file, 'utf8')
      if (text !== report.text) {
        problems.push(`api/${report.fileName} (${report.specifier}) differs:\n${formatReportDiff(text, report.text)}`)
      }
    }
    for (const file of committed) {
      if (!reports.some((report) => report.fileName === file)) {
        problems.push(`api/${file} records an entry point that no package exports any more.`)
      }
    }
    if (problems.length > 0) {
      assert.fail(
        `The public API changed. If that is intended, run \`pnpm run api:update\` and commit api/.\n\n${problems.join('\n\n')}`,
      )
    }
  })
})

describe('formatReportDiff', () => {
  it('shows the removed and added lines with their context and the committed line number', () => {
    const committed = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].join('\n')
    const current = ['a', 'b', 'c', 'D', 'e', 'f', 'g', 'h'].join('\n')
    assert.equal(formatReportDiff(committed, current, 1), ['@@ line 3', '  c', '- d', '+ D', '  e'].join('\n'))
  })

  it('is empty when nothing differs', () => {
    assert.equal(formatReportDiff('x\ny', 'x\ny'), '')
  })
})
