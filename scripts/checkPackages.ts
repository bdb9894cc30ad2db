// Packs every published package (`pnpm pack`: prepack builds dist, publishConfig applies) and checks
// each tarball as a consumer would receive it: publint (--strict: warnings fail too), Are the Types
// Wrong (--profile esm-only: every entry point resolves to ESM with its types under node16 and
// bundler resolution), and that its declarations import only packages it depends on.
//
//   node scripts/checkPackages.ts
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const bin = (name: string) => join(root, 'node_modules', '.bin', name)
const out = mkdtempSync(join(tmpdir(), 'chainops-pack-'))
let failed = 0

type Manifest = { name: string; dependencies?: object; peerDependencies?: object }
/**
 * Packages the tarball's declarations import that it does not depend on (dependencies or peers):
 * a consumer compiling with `skipLibCheck: false` would have to find them itself, and a type
 * that only a devDependency provides is not there at all.
 */
function undeclaredTypeImports(tarball: string): string[] {
  const dir = join(out, tarball.replace(/\.tgz$/, ''))
  mkdirSync(dir)
  execFileSync('tar', ['xzf', join(out, tarball), '-C', dir])
  const manifest = JSON.parse(readFileSync(join(dir, 'package', 'package.json'), 'utf8')) as Manifest
  const declared = new Set([
    manifest.name,
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
  ])
  const missing = new Set<string>()
  const walk = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const child = join(path, entry.name)
      if (entry.isDirectory()) walk(child)
      else if (entry.name.endsWith('.d.ts'))
        for (const [, specifier] of readFileSync(child, 'utf8').matchAll(/(?:from |import\()'([^'.][^']*)'/g)) {
          if (specifier === undefined || specifier.startsWith('node:') || builtinModules.includes(specifier)) continue
          const parts = specifier.split('/')
          const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier)
          // A module's types may come from DefinitelyTyped: `aws-lambda` from @types/aws-lambda.
          const typesPackage = `@types/${name.replace(/^@/, '').replace('/', '__')}`
          if (!declared.has(name) && !declared.has(typesPackage))
            missing.add(`${name} (${child.slice(dir.length + 1)})`)
        }
    }
  }
  walk(join(dir, 'package', 'dist'))
  return [...missing].sort()
}
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
    const undeclared = undeclaredTypeImports(tarball)
    if (undeclared.length > 0) {
      failed++
      process.stderr.write(
        `checkPackages: ${tarball} declarations import undeclared packages: ${undeclared.join(', ')}\n`,
      )
    }
  }
  process.stdout.write(
    `checkPackages: ${tarballs.length} tarballs, publint, attw and declaration imports: ${failed} failures\n`,
  )
  if (tarballs.length !== 8) {
    process.stderr.write(`checkPackages: expected 8 tarballs, got ${tarballs.join(', ')}\n`)
    failed++
  }
} finally {
  rmSync(out, { recursive: true, force: true })
}
process.exit(failed > 0 ? 1 : 0)
