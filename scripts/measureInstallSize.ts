// The install size of a package: the on-disk size of its production dependency closure, as pnpm
// installed it in node_modules/.pnpm (each package's own directory, its nested node_modules left
// out, so nothing counts twice).
//
//   node scripts/measureInstallSize.ts @chainops/clique [--at <revision>] [--top 10] [--json]
//
// The closure follows `dependencies`, `optionalDependencies` that are installed and required
// `peerDependencies` (npm and pnpm install those too) transitively, workspace packages included.
// With --at, the workspace packages' package.json files are read from that revision (git show),
// the third-party packages as installed now (same versions where the ranges did not change).
import { execFileSync } from 'node:child_process'
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { parseArgs } from 'node:util'

type Manifest = {
  name: string
  version?: string
  dependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
  peerDependenciesMeta?: Record<string, { optional?: boolean }>
}

type Measured = { name: string; version: string; dir: string; bytes: number; disk: number; files: number }

const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '')
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    at: { type: 'string' },
    top: { type: 'string', default: '10' },
    json: { type: 'boolean', default: false },
  },
})
const target = positionals[0]
if (target === undefined) {
  process.stderr.write('usage: node scripts/measureInstallSize.ts <package> [--at <revision>] [--top N] [--json]\n')
  process.exit(2)
}

const readAtRevision = (path: string): string | undefined => {
  if (values.at === undefined) return existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : undefined
  try {
    return execFileSync('git', ['show', `${values.at}:${path}`], { cwd: root, encoding: 'utf8', stdio: 'pipe' })
  } catch {
    return undefined
  }
}

// The workspace packages (name -> directory) and their manifests, at the revision.
const workspace = new Map<string, { dir: string; manifest: Manifest }>()
for (const dir of readdirSync(join(root, 'packages'))) {
  const text = readAtRevision(`packages/${dir}/package.json`)
  if (text === undefined) continue
  const manifest = JSON.parse(text) as Manifest
  workspace.set(manifest.name, { dir: join(root, 'packages', dir), manifest })
}

/** Node's lookup from `fromDir` up, then pnpm's hoisted store links (node_modules/.pnpm/node_modules). */
function resolvePackageDir(name: string, fromDir: string): string | undefined {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name)
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate)
    if (dir === dirname(dir)) break
  }
  const hoisted = join(root, 'node_modules', '.pnpm', 'node_modules', name)
  return existsSync(join(hoisted, 'package.json')) ? realpathSync(hoisted) : undefined
}

type Size = { bytes: number; disk: number; files: number }
const sizes = new Map<string, Size>()
/** Apparent bytes (what a tarball holds) and disk usage (allocated blocks, what `du` reports). */
function sizeOf(dir: string): Size {
  const cached = sizes.get(dir)
  if (cached) return cached
  let bytes = 0
  let disk = 0
  let files = 0
  const walk = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue
      const full = join(path, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.isFile()) {
        const stat = lstatSync(full)
        bytes += stat.size
        disk += stat.blocks * 512
        files++
      }
    }
  }
  walk(dir)
  const size = { bytes, disk, files }
  sizes.set(dir, size)
  return size
}

const closure = new Map<string, Measured>()
const missing = new Set<string>()
function visit(name: string, fromDir: string) {
  const local = workspace.get(name)
  const dir = local?.dir ?? resolvePackageDir(name, fromDir)
  if (dir === undefined) {
    missing.add(name)
    return
  }
  if (closure.has(dir)) return
  const manifest = local?.manifest ?? (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest)
  closure.set(dir, { name, version: manifest.version ?? '', dir, ...sizeOf(dir) })
  const required = Object.keys(manifest.peerDependencies ?? {}).filter(
    (peer) => manifest.peerDependenciesMeta?.[peer]?.optional !== true,
  )
  for (const dependency of Object.keys(manifest.dependencies ?? {})) visit(dependency, dir)
  for (const dependency of required) visit(dependency, dir)
  for (const dependency of Object.keys(manifest.optionalDependencies ?? {})) {
    if (workspace.has(dependency) || resolvePackageDir(dependency, dir) !== undefined) visit(dependency, dir)
  }
}
visit(target, root)

const all = [...closure.values()].sort((a, b) => b.bytes - a.bytes)
const total = all.reduce((sum, entry) => sum + entry.bytes, 0)
const totalDisk = all.reduce((sum, entry) => sum + entry.disk, 0)
const aws = all.filter((entry) => entry.name.startsWith('@aws-sdk/') || entry.name.startsWith('@smithy/'))
const awsBytes = aws.reduce((sum, entry) => sum + entry.bytes, 0)
const awsDisk = aws.reduce((sum, entry) => sum + entry.disk, 0)
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`

if (values.json) {
  process.stdout.write(
    `${JSON.stringify({ package: target, revision: values.at ?? 'working tree', packages: all.length, bytes: total, diskBytes: totalDisk, awsSdkAndSmithyPackages: aws.length, awsSdkAndSmithyBytes: awsBytes, awsSdkAndSmithyDiskBytes: awsDisk, missing: [...missing] }, null, 2)}\n`,
  )
} else {
  process.stdout.write(
    `${target} at ${values.at ?? 'the working tree'}: ${all.length} packages, ${mb(total)} (${mb(totalDisk)} on disk) ` +
      `(${all.reduce((sum, entry) => sum + entry.files, 0)} files); @aws-sdk/* and @smithy/*: ${aws.length} packages, ${mb(awsBytes)} (${mb(awsDisk)} on disk)\n`,
  )
  for (const entry of all.slice(0, Number(values.top))) {
    process.stdout.write(
      `  ${mb(entry.bytes).padStart(9)}  ${entry.name}@${entry.version}  ${relative(root, entry.dir)}\n`,
    )
  }
  if (missing.size > 0) process.stdout.write(`  not installed (not counted): ${[...missing].join(', ')}\n`)
}
