import { cp, readdir, readFile, realpath, stat } from 'node:fs/promises'
import { basename, dirname, join, relative, sep } from 'node:path'
import { ChainopsError } from '@chainops/core'

export type CopyExternalPackagesParameters = {
  /** The packages the bundle imports but does not contain (e.g. `lightning`). */
  packages: readonly string[]
  /** Where the bundle's own imports resolve from (the directory of its entry file). */
  resolveFrom: string
  /** The function's layout directory: the packages land in its `node_modules`. */
  layoutDir: string
}

export type CopiedPackage = { name: string; version: string; path: string }

type PackageJson = {
  name: string
  version: string
  dependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
}

/**
 * Copies each package and its production dependencies, transitively, out of the workspace's
 * node_modules (pnpm's symlinked store) into `<layoutDir>/node_modules` as plain directories, the
 * way npm lays out a tree: a package sits at the top unless another version holds that name on
 * its resolution path, then it nests under the package that needs it. Nothing is downloaded:
 * what is copied is exactly what the workspace ran its tests with. Type-only packages (`@types/*`
 * and packages without any JavaScript) are left out, and so are declaration files, source maps
 * and markdown, which nothing loads at run time.
 */
export async function copyExternalPackages(parameters: CopyExternalPackagesParameters): Promise<CopiedPackage[]> {
  const { layoutDir } = parameters
  const top = join(layoutDir, 'node_modules')
  const copied: CopiedPackage[] = []
  // Layout path -> the version placed there.
  const placed = new Map<string, string>()

  const place = async (name: string, from: string, dependentDir: string | undefined, optional: boolean) => {
    const source = await findPackageDir(name, from)
    if (source === undefined) {
      if (optional) return
      throw new ChainopsError({
        code: 'LAMBDA_BUILD_PACKAGE_MISSING',
        shortMessage: `${name} is not installed`,
        details: `the bundle keeps ${name} external, but it does not resolve from ${from}: run pnpm install`,
      })
    }
    const manifest = JSON.parse(await readFile(join(source, 'package.json'), 'utf8')) as PackageJson
    if (name.startsWith('@types/') || !(await containsJavaScript(source))) return
    // Where `import(name)` from the dependent looks, nearest first: its own node_modules, then each
    // directory above it up to the layout's. The first that holds the name decides what it gets.
    const looked = resolutionPath(dependentDir ?? layoutDir, layoutDir, name)
    const holder = looked.find((path) => placed.has(path))
    if (holder !== undefined && placed.get(holder) === manifest.version) return
    const target = holder === undefined ? join(top, name) : join(dependentDir ?? layoutDir, 'node_modules', name)
    placed.set(target, manifest.version)
    await cp(source, target, { recursive: true, dereference: true, filter: (path) => keep(source, path) })
    copied.push({ name, version: manifest.version, path: relative(layoutDir, target) })
    for (const dependency of Object.keys(manifest.dependencies ?? {}))
      await place(dependency, source, target, manifest.optionalDependencies?.[dependency] !== undefined)
    for (const dependency of Object.keys(manifest.optionalDependencies ?? {}))
      if (manifest.dependencies?.[dependency] === undefined) await place(dependency, source, target, true)
  }

  for (const name of parameters.packages) await place(name, parameters.resolveFrom, undefined, false)
  return copied
}

/** The directory of `name` as Node resolves it from `from`: `node_modules/<name>` here or in a parent, symlinks followed. */
async function findPackageDir(name: string, from: string): Promise<string | undefined> {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name)
    try {
      await stat(join(candidate, 'package.json'))
      return await realpath(candidate)
    } catch {}
    if (dirname(dir) === dir) return undefined
  }
}

/** The `node_modules/<name>` directories Node tries from a package at `dir`, up to `root`, nearest first. */
function resolutionPath(dir: string, root: string, name: string): string[] {
  const paths: string[] = []
  for (let current = dir; current.startsWith(root); current = dirname(current)) {
    if (basename(current) !== 'node_modules') paths.push(join(current, 'node_modules', name))
    if (current === root) break
  }
  return paths
}

const DROPPED = /(\.d\.[cm]?ts|\.map|\.md|\.markdown)$/i

/** Keeps what a package needs at run time: not its nested node_modules (resolved separately), typings, maps or docs. */
function keep(root: string, path: string): boolean {
  const inside = relative(root, path)
  if (inside === '') return true
  if (inside.split(sep).includes('node_modules')) return false
  return !DROPPED.test(inside)
}

/** True when the package holds any file Node can load as code (.js, .cjs, .mjs, .json besides package.json, .node, .wasm). */
async function containsJavaScript(dir: string): Promise<boolean> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.some(
    (entry) =>
      entry.isFile() &&
      !relative(dir, entry.parentPath).split(sep).includes('node_modules') &&
      /\.(c|m)?js$|\.node$|\.wasm$/.test(entry.name) &&
      !/\.d\.[cm]?ts$/.test(entry.name),
  )
}
