import { TreasuryError } from '../errors/TreasuryError.ts'
import type { Layout } from './Layout.ts'
import type { LayoutRole } from './LayoutRole.ts'
import { parseDerivationPath } from './parseDerivationPath.ts'

/**
 * The role of `tier` at `path`, or a `LAYOUT_PATH_OUTSIDE` error: signing refuses any key the
 * layout does not name. Paths compare by their indices, so `0h` and `0'` are the same.
 */
export function findLayoutRole(layout: Layout, tier: string, path: string): LayoutRole {
  const found = layout.tiers.find((candidate) => candidate.name === tier)
  if (!found) {
    throw new TreasuryError({
      code: 'LAYOUT_TIER_UNKNOWN',
      shortMessage: `tier ${JSON.stringify(tier)} is not in the layout`,
      details: `tiers: ${layout.tiers.map((t) => t.name).join(', ')}`,
    })
  }
  const wanted = parseDerivationPath(path).join('/')
  const role = found.roles.find((candidate) => parseDerivationPath(candidate.path).join('/') === wanted)
  if (!role) {
    throw new TreasuryError({
      code: 'LAYOUT_PATH_OUTSIDE',
      shortMessage: `path ${path} is not a role of tier ${tier}`,
      details: 'only paths the layout names can be derived or signed with',
    })
  }
  return role
}
