import { HDKey } from '@scure/bip32'
import { TreasuryError } from '../errors/TreasuryError.ts'
import type { Layout } from '../layout/Layout.ts'
import type { SeedSource } from '../seeds/SeedSource.ts'
import type { DerivedRole } from './DerivedRole.ts'
import { publicKeyToAddress } from './publicKeyToAddress.ts'
import type { TierPassphrases } from './TierPassphrases.ts'

const HARDENED = 0x80000000

export type DeriveLayoutErrorType = TreasuryError

/**
 * Every role of the layout with its address: each tier's seed comes from the tier's passphrase,
 * then keys follow `m/44'/coin'/account'/change/index`. Hardened parents (and change nodes) are
 * derived once per tier and cached, so each address costs one child derivation; every cached
 * node and seed is wiped before returning.
 */
export function deriveLayout(source: SeedSource, layout: Layout, passphrases: TierPassphrases = {}): DerivedRole[] {
  const tierNames = new Set(layout.tiers.map((tier) => tier.name))
  for (const name of Object.keys(passphrases)) {
    if (!tierNames.has(name)) {
      // A misspelt tier would otherwise derive silently with the empty passphrase.
      throw new TreasuryError({
        code: 'PASSPHRASE_TIER_UNKNOWN',
        shortMessage: `a passphrase is given for tier ${JSON.stringify(name)}, which the layout does not have`,
        details: `tiers: ${[...tierNames].join(', ')}`,
      })
    }
  }
  const result: DerivedRole[] = []
  for (const tier of layout.tiers) {
    const seed = source.seed(passphrases[tier.name] ?? '')
    const cache: HDKey[] = []
    try {
      const master = HDKey.fromMasterSeed(seed.reveal())
      seed.wipe()
      cache.push(master)
      const purpose = master.deriveChild(44 + HARDENED)
      const coin = purpose.deriveChild(layout.coinType + HARDENED)
      cache.push(purpose, coin)
      const parents = new Map<number, HDKey>()
      for (const role of tier.roles) {
        // One cache key per (account, change): account < 2^31, change is 0 or 1.
        const key = role.account * 2 + role.change
        let parent = parents.get(key)
        if (!parent) {
          const account = coin.deriveChild(role.account + HARDENED)
          parent = account.deriveChild(role.change)
          cache.push(account, parent)
          parents.set(key, parent)
        }
        const child = parent.deriveChild(role.index)
        result.push({
          tier: tier.name,
          role: role.role,
          path: role.path,
          address: publicKeyToAddress(child.publicKey as Uint8Array),
        })
        child.wipePrivateData()
      }
    } finally {
      seed.wipe()
      for (const node of cache) node.wipePrivateData()
    }
  }
  return result
}
