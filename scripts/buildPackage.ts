// The `prepack` of every published package (run by `pnpm pack` and `pnpm publish` in the package's
// directory): builds it to ESM with declarations (`tsc -b`, a no-op when dist is up to date), after
// removing from dist each output that no source in src produces any more. tsc never deletes the
// output of a renamed or removed source, and such a stale file would ship in the tarball.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, relative } from 'node:path'

const outputSuffixes = ['.d.ts.map', '.d.ts', '.js.map', '.js']
const packageDir = process.cwd()
const dist = join(packageDir, 'dist')

const stale: string[] = []
const walk = (dir: string) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) walk(path)
    else {
      const suffix = outputSuffixes.find((candidate) => entry.name.endsWith(candidate))
      const source = suffix && join(packageDir, 'src', `${relative(dist, path).slice(0, -suffix.length)}.ts`)
      if (!source || !existsSync(source)) stale.push(path)
    }
  }
}
if (existsSync(dist)) walk(dist)
for (const path of stale) rmSync(path)
if (stale.length > 0) process.stderr.write(`buildPackage: removed ${stale.length} stale file(s) from dist\n`)

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
const build = spawnSync(process.execPath, [tsc, '-b'], { cwd: packageDir, stdio: 'inherit' })
process.exit(build.status ?? 1)
