import { type Hex, keccak256, stringToBytes } from 'viem'

/**
 * Keys of the dev chain's prefunded accounts, derived from public labels (keccak256 of
 * `chainops-dev-clique-<i>`): test keys anyone can recompute, never to hold value anywhere.
 */
export const devCliqueKeys: readonly Hex[] = [0, 1, 2].map((index) =>
  keccak256(stringToBytes(`chainops-dev-clique-${index}`)),
)
