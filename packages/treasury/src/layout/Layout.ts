/** One key of the layout: a role in a tier at a BIP-44 path `m/44'/coin'/account'/change/index`. */
export type LayoutRole = {
  /** The tier (one passphrase, one hidden wallet), e.g. `MasterAdminVault`. */
  readonly tier: string
  /** The role inside the tier, e.g. `SafeOwner1`, `LidoCSM`, `SSVCluster1Operator2`. */
  readonly role: string
  /** The full path in Trezor's notation, e.g. `m/44'/60'/0'/0/1`. */
  readonly path: string
  readonly account: number
  readonly change: number
  readonly index: number
}

/** A tier: a passphrase-protected wallet set (a Trezor hidden wallet) and the roles derived in it. */
export type LayoutTier = {
  readonly name: string
  /** The source's letter for the tier: A, B, C, D, then E, F, ... for personal payouts. */
  readonly letter: string
  readonly roles: readonly LayoutRole[]
}

/** The resolved, validated layout: every tier and every role with its path. */
export type Layout = {
  /** SLIP-44 coin type of every path (60 for Ethereum). */
  readonly coinType: number
  readonly tiers: readonly LayoutTier[]
}
