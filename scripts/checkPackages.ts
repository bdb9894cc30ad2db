// Packs every published package (`pnpm pack`: prepack builds dist, publishConfig applies) and checks
// each tarball as a consumer would receive it: publint (--strict: warnings fail too) and
// Are the Types Wrong (--profile esm-only: every entry point resolves to ESM with its types under
// node16 and bundler resolution).
//
//   node scripts/checkPackages.ts
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const bin = (name: string) => join(root, 'node_modules', '.bin', name)
const out = mkdtempSync(join(tmpdir(), 'chainops-pack-'))
let failed = 0
try {
  // pnpm pack skips nothing by itself: the private testkit is left out by name.
  const pack = spawnSync(
    'pnpm',
    ['-r', '--filter', './packages/*', '--filter', '!@chainops/testkit', 'pack', '--pack-destination', out],
    { cwd: root, encoding: 'utf8' },
  )
  if (pack.status !== 0) {
    process.stderr.write(`${pack.stdout}\n${pack.stderr}\ncheckPackages: pnpm pack failed\n`)
    process.exit(1)
  }
  const tarballs = readdirSync(out)
    .filter((name) => name.endsWith('.tgz'))
    .sort()
  for (const tarball of tarballs) {
    const path = join(out, tarball)
    for (const [tool, args] of [
      ['publint', ['run', '--strict', path]],
      ['attw', [path, '--profile', 'esm-only', '--format', 'ascii', '--no-color']],
    ] as const) {
      try {
        execFileSync(bin(tool), args, { cwd: out, encoding: 'utf8', stdio: 'pipe' })
      } catch (error) {
        failed++
        const { stdout, stderr } = error as { stdout?: string; stderr?: string }
        process.stderr.write(`checkPackages: ${tool} finds problems in ${tarball}:\n${stdout ?? ''}${stderr ?? ''}\n`)
      }
    }
  }
  process.stdout.write(`checkPackages: ${tarballs.length} tarballs, publint and attw: ${failed} failures\n`)
  if (tarballs.length !== 7) {
    process.stderr.write(`checkPackages: expected 7 tarballs, got ${tarballs.join(', ')}\n`)
    failed++
  }
} finally {
  rmSync(out, { recursive: true, force: true })
}
process.exit(failed > 0 ? 1 : 0)
