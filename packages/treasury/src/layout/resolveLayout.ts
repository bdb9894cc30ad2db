import { TreasuryError } from '../errors/TreasuryError.ts'
import { formatPath } from './formatPath.ts'
import type { Layout } from './Layout.ts'
import type { LayoutRole } from './LayoutRole.ts'
import type { LayoutSpec } from './LayoutSpec.ts'
import type { LayoutTier } from './LayoutTier.ts'

type Slot = { role: string; account: number; change?: number; index?: number }

/**
 * Expands a spec into every tier and role with its path, and refuses two roles of one tier at the
 * same path (they would share a key) or under the same name.
 */
export function resolveLayout(spec: LayoutSpec): Layout {
  const { coinType } = spec
  const tier = (name: string, letter: string, slots: readonly Slot[]): LayoutTier => {
    const byPath = new Map<string, string>()
    const names = new Set<string>()
    const roles: LayoutRole[] = []
    for (const slot of slots) {
      const change = slot.change ?? 0
      const index = slot.index ?? 0
      const path = formatPath({ coinType, account: slot.account, change, index })
      const taken = byPath.get(path)
      if (taken !== undefined) {
        throw new TreasuryError({
          code: 'LAYOUT_PATH_OVERLAP',
          shortMessage: `two roles of tier ${name} share one path`,
          details: `${taken} and ${slot.role} both at ${path}`,
        })
      }
      if (names.has(slot.role)) {
        throw new TreasuryError({
          code: 'LAYOUT_ROLE_DUPLICATE',
          shortMessage: `tier ${name} names a role twice`,
          details: `role ${slot.role}`,
        })
      }
      byPath.set(path, slot.role)
      names.add(slot.role)
      roles.push({ tier: name, role: slot.role, path, account: slot.account, change, index })
    }
    return { name, letter, roles }
  }

  const admin = spec.MasterAdminVault
  const ops = spec.ProtocolOperations
  const dvt = spec.DVTNodeKeys
  const tiers: LayoutTier[] = [
    tier('MasterAdminVault', 'A', [
      ...Array.from({ length: admin.safeOwners }, (_, i) => ({ role: `SafeOwner${i + 1}`, account: 0, index: i })),
      { role: 'SplitsController', account: admin.splitsControllerAccount },
      ...admin.extraRoles,
    ]),
    tier('ProtocolOperations', 'B', [
      ...ops.protocols.map((protocol, position) =>
        typeof protocol === 'string'
          ? { role: protocol, account: position }
          : { role: protocol.name, account: protocol.account },
      ),
      ...ops.extraRoles,
    ]),
    tier('DVTNodeKeys', 'C', [
      ...dvt.ssvClusters.flatMap((operators, cluster) =>
        Array.from({ length: operators }, (_, m) => ({
          role: `SSVCluster${cluster + 1}Operator${m + 1}`,
          account: cluster,
          index: m,
        })),
      ),
      ...dvt.obolClusters.flatMap((operators, cluster) =>
        Array.from({ length: operators }, (_, m) => ({
          role: `ObolCluster${cluster + 1}Operator${m + 1}`,
          account: dvt.obolAccountBase + cluster,
          index: m,
        })),
      ),
      ...dvt.extraRoles,
    ]),
    tier('TeamFunds', 'D', [{ role: 'TeamPool', account: 0 }, ...spec.TeamFunds.extraRoles]),
  ]
  for (let k = 1; k <= spec.PersonalPayouts.members; k++) {
    // Every member's extra roles repeat in their own tier, so members stay alike.
    tiers.push(
      tier(`PersonalPayout${k}`, String.fromCharCode(68 + k), [
        { role: 'Payout', account: 0 },
        ...spec.PersonalPayouts.extraRoles,
      ]),
    )
  }
  return { coinType, tiers }
}
