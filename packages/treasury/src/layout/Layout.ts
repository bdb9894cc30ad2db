import type { LayoutTier } from './LayoutTier.ts'

/** The resolved, validated layout: every tier and every role with its path. */
export type Layout = {
  /** SLIP-44 coin type of every path (60 for Ethereum). */
  readonly coinType: number
  readonly tiers: readonly LayoutTier[]
}
