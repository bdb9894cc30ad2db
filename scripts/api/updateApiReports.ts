// `pnpm run api:update`: rewrites api/*.api.md, the recorded public surface of every entry point,
// from the code (and deletes the report of an entry point that is gone). Commit the result with
// the change that caused it, so that a change to the public API is visible in review.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { renderApiReports } from './renderApiReports.ts'

const root = new URL('../..', import.meta.url).pathname.replace(/\/$/, '')
const dir = join(root, 'api')
mkdirSync(dir, { recursive: true })
const reports = renderApiReports(root)
const written = new Set(reports.map((report) => report.fileName))
for (const report of reports) writeFileSync(join(dir, report.fileName), report.text)
for (const file of readdirSync(dir)) {
  if (file.endsWith('.api.md') && !written.has(file)) rmSync(join(dir, file))
}
process.stdout.write(`api: ${reports.length} reports in api/ (${[...written].join(', ')})\n`)
