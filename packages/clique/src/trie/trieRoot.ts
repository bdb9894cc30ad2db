import { type Hex, keccak256, toRlp } from 'viem'

/** An RLP item: a byte string or a list of items. */
type RlpItem = Hex | readonly RlpItem[]

export type TrieEntry = {
  /** The trie key (for the state trie: keccak256 of the address or storage slot). */
  key: Hex
  /** The value stored at the key, already RLP-encoded where the trie calls for it. */
  value: Hex
}

/** Root of an empty Merkle-Patricia trie: keccak256(rlp('')). */
export const EMPTY_TRIE_ROOT: Hex = '0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421'

/** Hex-prefix encoding (yellow paper appendix C) of a nibble path, as a hex byte string. */
function hexPrefix(nibbles: string, leaf: boolean): Hex {
  const flag = (leaf ? 2 : 0) + (nibbles.length % 2)
  return nibbles.length % 2 === 1 ? `0x${flag.toString(16)}${nibbles}` : `0x${flag.toString(16)}0${nibbles}`
}

/** A child reference: nodes whose RLP is shorter than 32 bytes are inlined, others hashed. */
function reference(node: RlpItem): RlpItem {
  const encoded = toRlp(node as Hex[])
  return (encoded.length - 2) / 2 < 32 ? node : keccak256(encoded)
}

function commonPrefixLength(a: string, b: string): number {
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  return i
}

/** Builds the node for `items` (sorted, distinct, sharing the first `depth` nibbles). */
function buildNode(items: readonly { path: string; value: Hex }[], depth: number): RlpItem {
  const first = items[0] as { path: string; value: Hex }
  if (items.length === 1) return [hexPrefix(first.path.slice(depth), true), first.value]
  const last = items[items.length - 1] as { path: string; value: Hex }
  const shared = commonPrefixLength(first.path.slice(depth), last.path.slice(depth))
  if (shared > 0) {
    return [hexPrefix(first.path.slice(depth, depth + shared), false), reference(buildNode(items, depth + shared))]
  }
  const branch: RlpItem[] = []
  let value: Hex = '0x'
  for (let nibble = 0; nibble < 16; nibble++) {
    const digit = nibble.toString(16)
    const group = items.filter((item) => item.path.length > depth && item.path[depth] === digit)
    branch.push(group.length === 0 ? '0x' : reference(buildNode(group, depth + 1)))
  }
  const ending = items.find((item) => item.path.length === depth)
  if (ending) value = ending.value
  branch.push(value)
  return branch
}

/**
 * The root hash of a Merkle-Patricia trie holding `entries` (the algorithm of geth's StackTrie:
 * leaf, extension and branch nodes, children under 32 bytes of RLP inlined). Empty values are
 * absent keys, as in geth. Duplicate keys keep the last value.
 */
export function trieRoot(entries: readonly TrieEntry[]): Hex {
  const byPath = new Map<string, Hex>()
  for (const { key, value } of entries) {
    const path = key.slice(2).toLowerCase()
    if (value === '0x') byPath.delete(path)
    else byPath.set(path, value)
  }
  if (byPath.size === 0) return EMPTY_TRIE_ROOT
  const items = [...byPath.entries()]
    .map(([path, value]) => ({ path, value }))
    .sort((a, b) => (a.path < b.path ? -1 : 1))
  return keccak256(toRlp(buildNode(items, 0) as Hex[]))
}
