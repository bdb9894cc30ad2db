import { execFileSync } from 'node:child_process'
import { relative } from 'node:path'

export type RepositoryFiles = {
  readFile(path: string): string | undefined
  fileExists(path: string): boolean
  directoryExists(path: string): boolean
  readDirectory(path: string): string[]
}

/**
 * The repository's files as they were at `revision`, read with `git show` on demand (no checkout,
 * no second copy): paths outside the repository or inside node_modules are read from disk, so the
 * installed packages stay what they are now.
 */
export function gitRevisionFiles(root: string, revision: string, disk: RepositoryFiles): RepositoryFiles {
  const tracked = new Set(
    execFileSync('git', ['ls-tree', '-r', '--name-only', revision], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 })
      .split('\n')
      .filter(Boolean),
  )
  const directories = new Map<string, Set<string>>()
  for (const file of tracked) {
    const parts = file.split('/')
    for (let depth = 0; depth < parts.length; depth++) {
      const dir = parts.slice(0, depth).join('/')
      const children = directories.get(dir) ?? new Set<string>()
      children.add(parts[depth] as string)
      directories.set(dir, children)
    }
  }
  const inRevision = (path: string) => {
    const local = relative(root, path)
    return local.startsWith('..') || local.split('/').includes('node_modules') ? undefined : local
  }
  return {
    readFile(path) {
      const local = inRevision(path)
      if (local === undefined) return disk.readFile(path)
      if (!tracked.has(local)) return undefined
      return execFileSync('git', ['show', `${revision}:${local}`], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 })
    },
    fileExists(path) {
      const local = inRevision(path)
      return local === undefined ? disk.fileExists(path) : tracked.has(local)
    },
    directoryExists(path) {
      const local = inRevision(path)
      return local === undefined ? disk.directoryExists(path) : directories.has(local)
    },
    readDirectory(path) {
      const local = inRevision(path)
      return local === undefined ? disk.readDirectory(path) : [...(directories.get(local) ?? [])].sort()
    },
  }
}
