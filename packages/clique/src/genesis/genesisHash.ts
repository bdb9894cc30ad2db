import { type Hex, keccak256, numberToHex, padHex, toRlp } from 'viem'
import { CliqueError } from '../errors/CliqueError.ts'
import { EMPTY_TRIE_ROOT } from '../trie/trieRoot.ts'
import { UNSUPPORTED_FORKS } from './forks.ts'
import type { Genesis } from './Genesis.ts'
import { genesisStateRoot } from './genesisStateRoot.ts'

/** keccak256(rlp([])): the uncle hash of a block without uncles. */
const EMPTY_UNCLE_HASH: Hex = '0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347'
/** params.InitialBaseFee: the London genesis base fee when the file gives none. */
export const INITIAL_BASE_FEE = 1_000_000_000n

export type GenesisHashReturnType = {
  hash: Hex
  stateRoot: Hex
  /** The header fields hashed, in RLP order, for debugging a mismatch. */
  header: Hex[]
}

function quantity(value: bigint): Hex {
  return value === 0n ? '0x' : numberToHex(value)
}

/**
 * The genesis block hash exactly as geth v1.13 computes it (core.Genesis.ToBlock): the header of
 * block 0 with the alloc's state root, empty transaction/receipt tries and no uncles, and the
 * London base fee field (1 gwei unless given) when London is active at block 0.
 * Forks geth cannot run with Clique (Shanghai and later) are refused with CLIQUE_GENESIS_FORK_UNSUPPORTED.
 */
export function genesisHash(genesis: Genesis): GenesisHashReturnType {
  for (const fork of UNSUPPORTED_FORKS) {
    if (genesis.config[fork] !== undefined) {
      throw new CliqueError({
        code: 'CLIQUE_GENESIS_FORK_UNSUPPORTED',
        shortMessage: `${fork} is set: geth cannot seal a Clique chain past London`,
        path: `config.${fork}`,
      })
    }
  }
  const stateRoot = genesisStateRoot(genesis.alloc)
  const header: Hex[] = [
    genesis.parentHash,
    EMPTY_UNCLE_HASH,
    genesis.coinbase.toLowerCase() as Hex,
    stateRoot,
    EMPTY_TRIE_ROOT,
    EMPTY_TRIE_ROOT,
    `0x${'00'.repeat(256)}`,
    quantity(genesis.difficulty),
    quantity(genesis.number),
    quantity(genesis.gasLimit),
    quantity(genesis.gasUsed),
    quantity(genesis.timestamp),
    genesis.extraData,
    genesis.mixHash,
    padHex(numberToHex(genesis.nonce), { size: 8 }),
  ]
  if (genesis.config.londonBlock === 0) header.push(quantity(genesis.baseFeePerGas ?? INITIAL_BASE_FEE))
  return { hash: keccak256(toRlp(header)), stateRoot, header }
}
