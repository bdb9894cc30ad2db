/**
 * Block-numbered forks geth's ChainConfig knows, in activation order (geth's CheckConfigForkOrder).
 * `optional` forks may be left out even when a later one is set.
 */
export const BLOCK_FORKS = [
  { name: 'homesteadBlock', optional: false },
  { name: 'daoForkBlock', optional: true },
  { name: 'eip150Block', optional: false },
  { name: 'eip155Block', optional: false },
  { name: 'eip158Block', optional: false },
  { name: 'byzantiumBlock', optional: false },
  { name: 'constantinopleBlock', optional: false },
  { name: 'petersburgBlock', optional: false },
  { name: 'istanbulBlock', optional: false },
  { name: 'muirGlacierBlock', optional: true },
  { name: 'berlinBlock', optional: false },
  { name: 'londonBlock', optional: false },
  { name: 'arrowGlacierBlock', optional: true },
  { name: 'grayGlacierBlock', optional: true },
] as const

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

/** The hardforks buildGenesis can activate at block 0, oldest first. */
export const HARDFORKS = ['petersburg', 'istanbul', 'berlin', 'london'] as const
export type Hardfork = (typeof HARDFORKS)[number]
