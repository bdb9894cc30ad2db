import type { LayoutRole } from './LayoutRole.ts'

/** A tier: a passphrase-protected wallet set (a Trezor hidden wallet) and the roles derived in it. */
export type LayoutTier = {
  readonly name: string
  /** The source's letter for the tier: A, B, C, D, then E, F, ... for personal payouts. */
  readonly letter: string
  readonly roles: readonly LayoutRole[]
}
