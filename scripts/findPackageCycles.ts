import type { ICruiseResult } from 'dependency-cruiser'

export type PackageCycle = {
  /** The packages of the cycle, the first repeated at the end: `['core', 'devnet', 'core']`. */
  packages: string[]
  /** For each step of the cycle, one import that makes it: `packages/core/test/x.ts → packages/devnet/src/index.ts`. */
  edges: string[]
}

const packageOf = (path: string): string | undefined => /^packages\/([^/]+)\//.exec(path)?.[1]

/**
 * Collapses a cruise result to the package graph (every import from packages/a/ to packages/b/, tests
 * included) and returns, for each package on a cycle, the shortest cycle through it (each cycle once),
 * with one import per step, so that a reviewer sees which file to change.
 */
export function findPackageCycles(result: ICruiseResult): PackageCycle[] {
  const graph = new Map<string, Map<string, string>>()
  for (const module of result.modules) {
    const from = packageOf(module.source)
    if (from === undefined) continue
    for (const dependency of module.dependencies) {
      const to = packageOf(dependency.resolved)
      if (to === undefined || to === from) continue
      const edges = graph.get(from) ?? new Map<string, string>()
      if (!edges.has(to)) edges.set(to, `${module.source} → ${dependency.resolved}`)
      graph.set(from, edges)
    }
  }

  const cycles: PackageCycle[] = []
  const reported = new Set<string>()
  for (const start of [...graph.keys()].sort()) {
    const path = shortestPathBack(graph, start)
    if (path === undefined) continue
    // The same cycle is found from each of its packages: report it once, from its first name.
    const ring = path.slice(1)
    const first = ring.indexOf([...ring].sort()[0] as string)
    const key = [...ring.slice(first), ...ring.slice(0, first)].join(' ')
    if (reported.has(key)) continue
    reported.add(key)
    cycles.push({
      packages: path,
      edges: path.slice(1).map((to, i) => graph.get(path[i] as string)?.get(to) as string),
    })
  }
  return cycles
}

/** Breadth-first from `start` to itself; the shortest cycle through it, or undefined. */
function shortestPathBack(graph: Map<string, Map<string, string>>, start: string): string[] | undefined {
  const previous = new Map<string, string>()
  const queue = [start]
  while (queue.length > 0) {
    const node = queue.shift() as string
    for (const next of [...(graph.get(node)?.keys() ?? [])].sort()) {
      if (next === start) {
        const between: string[] = []
        for (let at = node; at !== start; at = previous.get(at) as string) between.unshift(at)
        return [start, ...between, start]
      }
      if (previous.has(next)) continue
      previous.set(next, node)
      queue.push(next)
    }
  }
  return undefined
}
