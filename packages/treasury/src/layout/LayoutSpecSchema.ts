import * as v from 'valibot'

/** BIP-32 indices are 31-bit: the top bit marks hardened derivation. */
const MAX_INDEX = 0x7fffffff
/** Bounds a count so a typo cannot ask for millions of keys. */
const MAX_COUNT = 100_000

const index = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_INDEX))
const count = (min: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(MAX_COUNT))
const name = v.pipe(v.string(), v.regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'a name of letters, digits, _ or -'))

/** A role added by hand at an explicit account/change/index of its tier. */
const ExtraRoleSchema = v.strictObject({
  role: name,
  account: index,
  change: v.optional(v.picklist([0, 1]), 0),
  index: v.optional(index, 0),
})

const extraRoles = v.optional(v.array(ExtraRoleSchema), [])

/**
 * The layout as users write it (JSON). Every field is optional: a missing one takes the source's
 * default (see `defaultLayoutSpec`). Unknown keys are refused so a typo cannot silently drop a role.
 */
export const LayoutSpecSchema = v.strictObject({
  coinType: v.optional(index, 60),
  MasterAdminVault: v.optional(
    v.strictObject({
      /** Safe owners at `0'/0/i`, i = 0..safeOwners-1. */
      safeOwners: v.optional(count(1), 3),
      /** The 0xSplits controller at `account'/0/0`. */
      splitsControllerAccount: v.optional(index, 1),
      extraRoles,
    }),
    {},
  ),
  ProtocolOperations: v.optional(
    v.strictObject({
      /** Protocol operator keys at `account'/0/0`; a bare name takes its position as account. */
      protocols: v.optional(v.array(v.union([name, v.strictObject({ name, account: index })])), [
        'LidoCSM',
        'RocketPool',
        'Puffer',
        'Diva',
      ]),
      extraRoles,
    }),
    {},
  ),
  DVTNodeKeys: v.optional(
    v.strictObject({
      /** Operators per SSV cluster: cluster N operator M at `(N-1)'/0/(M-1)`. */
      ssvClusters: v.optional(v.array(count(1)), [4]),
      /** Operators per Obol cluster: cluster N operator M at `(obolAccountBase+N-1)'/0/(M-1)`. */
      obolClusters: v.optional(v.array(count(1)), [4]),
      obolAccountBase: v.optional(index, 10),
      extraRoles,
    }),
    {},
  ),
  TeamFunds: v.optional(v.strictObject({ extraRoles }), {}),
  PersonalPayouts: v.optional(
    v.strictObject({
      /** One tier `PersonalPayoutK` per member, each with its own passphrase, payout at `0'/0/0`. */
      members: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(22)), 2),
      extraRoles,
    }),
    {},
  ),
})
