import { type Hex, hexToBigInt, keccak256, numberToHex, toRlp } from 'viem'
import { EMPTY_TRIE_ROOT, trieRoot } from '../trie/trieRoot.ts'
import type { GenesisAccount } from './Genesis.ts'

/** keccak256 of empty code. */
const EMPTY_CODE_HASH: Hex = '0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470'

/** A quantity as RLP wants it: big-endian bytes without leading zeros, zero as the empty string. */
function minimalBytes(value: bigint): Hex {
  return value === 0n ? '0x' : numberToHex(value)
}

/** The storage root of one account: slots keyed by keccak256(slot), values as RLP of the trimmed word; zero words are absent. */
function storageRoot(storage: Record<Hex, Hex> | undefined): Hex {
  if (!storage) return EMPTY_TRIE_ROOT
  return trieRoot(
    Object.entries(storage).map(([slot, word]) => {
      const value = hexToBigInt(word as Hex)
      return { key: keccak256(slot as Hex), value: value === 0n ? '0x' : toRlp(minimalBytes(value)) }
    }),
  )
}

/**
 * The state root geth writes for a genesis alloc: a secure trie of RLP([nonce, balance,
 * storageRoot, codeHash]) keyed by keccak256(address).
 */
export function genesisStateRoot(alloc: Record<string, GenesisAccount>): Hex {
  return trieRoot(
    Object.entries(alloc).map(([address, account]) => ({
      key: keccak256(address.toLowerCase() as Hex),
      value: toRlp([
        minimalBytes(account.nonce ?? 0n),
        minimalBytes(account.balance),
        storageRoot(account.storage),
        account.code && account.code !== '0x' ? keccak256(account.code) : EMPTY_CODE_HASH,
      ]),
    })),
  )
}
