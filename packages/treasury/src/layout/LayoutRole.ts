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
