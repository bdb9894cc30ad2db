/** The hardforks buildGenesis can activate at block 0, oldest first. */
export const HARDFORKS = ['petersburg', 'istanbul', 'berlin', 'london'] as const
export type Hardfork = (typeof HARDFORKS)[number]

/**
 * Block-numbered forks geth's ChainConfig knows, in activation order (geth's CheckConfigForkOrder).
 * `optional` forks may be left out even when a later one is set. `hardfork` is the first of
 * {@link HARDFORKS} that brings the fork (buildGenesis sets every fork up to its `hardfork` at
 * block 0), or null for forks it never sets. muirGlacier only moves the difficulty bomb, which
 * Clique ignores; it comes with istanbul so the fork list reads like geth's own dev configs.
 */
export const BLOCK_FORKS = [
  { name: 'homesteadBlock', optional: false, hardfork: 'petersburg' },
  { name: 'daoForkBlock', optional: true, hardfork: null },
  { name: 'eip150Block', optional: false, hardfork: 'petersburg' },
  { name: 'eip155Block', optional: false, hardfork: 'petersburg' },
  { name: 'eip158Block', optional: false, hardfork: 'petersburg' },
  { name: 'byzantiumBlock', optional: false, hardfork: 'petersburg' },
  { name: 'constantinopleBlock', optional: false, hardfork: 'petersburg' },
  { name: 'petersburgBlock', optional: false, hardfork: 'petersburg' },
  { name: 'istanbulBlock', optional: false, hardfork: 'istanbul' },
  { name: 'muirGlacierBlock', optional: true, hardfork: 'istanbul' },
  { name: 'berlinBlock', optional: false, hardfork: 'berlin' },
  { name: 'londonBlock', optional: false, hardfork: 'london' },
  { name: 'arrowGlacierBlock', optional: true, hardfork: null },
  { name: 'grayGlacierBlock', optional: true, hardfork: null },
] as const satisfies readonly { name: string; optional: boolean; hardfork: Hardfork | null }[]

export type BlockForkName = (typeof BLOCK_FORKS)[number]['name']

/**
 * Forks geth cannot seal with Clique (v1.13: Clique refuses Shanghai headers, and the merge
 * forks hand block production to a beacon chain).
 */
export const UNSUPPORTED_FORKS = [
  'mergeNetsplitBlock',
  'shanghaiTime',
  'cancunTime',
  'pragueTime',
  'verkleTime',
] as const

export type UnsupportedForkName = (typeof UNSUPPORTED_FORKS)[number]
