// `pnpm run api:update`: rewrites api/*.api.md, the recorded public surface of every entry point,
// from the code (and deletes the report of an entry point that is gone). Commit the result with
// the change that caused it, so that a change to the public API is visible in review.
//
// `node scripts/api/updateApiReports.ts --at <revision> --out <dir>` writes the reports of an older
// revision instead (its files read with git show, the installed packages as they are now), to
// compare a surface before and after a change.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import ts from 'typescript'
import { gitRevisionFiles } from './gitRevisionFiles.ts'
import { renderApiReports } from './renderApiReports.ts'

const root = new URL('../..', import.meta.url).pathname.replace(/\/$/, '')
const { values } = parseArgs({ options: { at: { type: 'string' }, out: { type: 'string' } } })
const dir = values.out === undefined ? join(root, 'api') : resolve(values.out)
const files =
  values.at === undefined
    ? undefined
    : gitRevisionFiles(root, values.at, {
        readFile: (path) => ts.sys.readFile(path),
        fileExists: (path) => ts.sys.fileExists(path),
        directoryExists: (path) => ts.sys.directoryExists(path),
        readDirectory: (path) => ts.sys.getDirectories(path).sort(),
      })
mkdirSync(dir, { recursive: true })
const reports = renderApiReports(root, files)
const written = new Set(reports.map((report) => report.fileName))
for (const report of reports) writeFileSync(join(dir, report.fileName), report.text)
for (const file of readdirSync(dir)) {
  if (file.endsWith('.api.md') && !written.has(file)) rmSync(join(dir, file))
}
process.stdout.write(`api: ${reports.length} reports in ${dir} (${[...written].join(', ')})\n`)
