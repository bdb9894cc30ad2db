import * as v from 'valibot'
import type { LayoutSpec } from './LayoutSpec.ts'
import { LayoutSpecSchema } from './LayoutSpecSchema.ts'

/**
 * The source's layout (seed 003, tiers 1-4) with every default written out: 3 Safe owners, the
 * splits controller at `1'`, Lido CSM / Rocket Pool / Puffer / Diva at `0'..3'`, one SSV and one
 * Obol cluster of 4 operators, the team pool and 2 personal payouts.
 */
export function defaultLayoutSpec(): LayoutSpec {
  return v.parse(LayoutSpecSchema, {})
}
