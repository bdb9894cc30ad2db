import { lstatSync, readdirSync, realpathSync } from 'node:fs'
import { dirname, join } from 'node:path'

export type InstalledPackageSize = {
  /** Packages in the closure, the package itself included. */
  packages: number
  files: number
  /** Apparent bytes of every file (what the tarballs unpack to). */
  bytes: number
}

/**
 * The install size of a package in a project pnpm installed: its own files plus those of every
 * package it depends on, transitively, each counted once. pnpm links a package's dependencies
 * beside it in its virtual-store directory (`.pnpm/<id>/node_modules/`), which is what this follows.
 */
export function installedPackageSize(
  projectDir: string,
  name: string,
  /** Packages not counted when found as a dependency: the project's own tools (an optional peer links them). */
  exclude: readonly string[] = [],
): InstalledPackageSize {
  const seen = new Set<string>()
  const pending = [realpathSync(join(projectDir, 'node_modules', name))]
  let files = 0
  let bytes = 0
  const walkFiles = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walkFiles(path)
      else if (entry.isFile()) {
        files++
        bytes += lstatSync(path).size
      }
    }
  }
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    if (seen.has(dir)) continue
    seen.add(dir)
    walkFiles(dir)
    const scoped = dirname(dir).split('/').at(-1)?.startsWith('@') === true
    const modules = scoped ? dirname(dirname(dir)) : dirname(dir)
    for (const entry of readdirSync(modules)) {
      if (entry === '.bin') continue
      const names = entry.startsWith('@') ? readdirSync(join(modules, entry)).map((n) => join(entry, n)) : [entry]
      for (const dependency of names)
        if (!exclude.includes(dependency)) pending.push(realpathSync(join(modules, dependency)))
    }
  }
  return { packages: seen.size, files, bytes }
}
