import { inspect } from 'node:util'
import type { SeedSource } from './SeedSource.ts'

/** Wraps a seed source's functions in an object that prints, serializes and inspects as redacted. */
export function redactedSeedSource(kind: SeedSource['kind'], seed: SeedSource['seed'], wipe: () => void): SeedSource {
  const label = `SeedSource(${kind}, [redacted])`
  return Object.freeze({
    kind,
    seed,
    wipe,
    toString: () => label,
    toJSON: () => label,
    [inspect.custom]: () => label,
  })
}
