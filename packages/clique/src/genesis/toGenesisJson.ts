import { type Hex, numberToHex } from 'viem'
import { BLOCK_FORKS, UNSUPPORTED_FORKS } from './forks.ts'
import type { Genesis } from './Genesis.ts'

/** The JSON geth reads (`geth init`): quantities as 0x hex strings, config values as numbers. */
export type GenesisJson = {
  config: Record<string, unknown>
  nonce: Hex
  timestamp: Hex
  extraData: Hex
  gasLimit: Hex
  difficulty: Hex
  mixHash: Hex
  coinbase: Hex
  number: Hex
  gasUsed: Hex
  parentHash: Hex
  baseFeePerGas?: Hex
  alloc: Record<string, { balance: Hex; nonce?: Hex; code?: Hex; storage?: Record<Hex, Hex> }>
}

/** Writes a typed genesis as the JSON file geth reads; `parseGenesis(toGenesisJson(g))` gives `g` back. */
export function toGenesisJson(genesis: Genesis): GenesisJson {
  const config: Record<string, unknown> = { chainId: genesis.config.chainId }
  for (const name of [...BLOCK_FORKS.map((f) => f.name), ...UNSUPPORTED_FORKS]) {
    const value = genesis.config[name]
    if (value !== undefined) config[name] = value
  }
  if (genesis.config.daoForkSupport !== undefined) config.daoForkSupport = genesis.config.daoForkSupport
  if (genesis.config.terminalTotalDifficulty !== undefined) {
    config.terminalTotalDifficulty = genesis.config.terminalTotalDifficulty
  }
  config.clique = { period: genesis.config.clique.period, epoch: genesis.config.clique.epoch }
  const alloc: GenesisJson['alloc'] = {}
  for (const [address, account] of Object.entries(genesis.alloc)) {
    const entry: GenesisJson['alloc'][string] = { balance: numberToHex(account.balance) }
    if (account.nonce !== undefined) entry.nonce = numberToHex(account.nonce)
    if (account.code !== undefined) entry.code = account.code
    if (account.storage !== undefined) entry.storage = { ...account.storage }
    alloc[address] = entry
  }
  const json: GenesisJson = {
    config,
    nonce: numberToHex(genesis.nonce),
    timestamp: numberToHex(genesis.timestamp),
    extraData: genesis.extraData,
    gasLimit: numberToHex(genesis.gasLimit),
    difficulty: numberToHex(genesis.difficulty),
    mixHash: genesis.mixHash,
    coinbase: genesis.coinbase,
    number: numberToHex(genesis.number),
    gasUsed: numberToHex(genesis.gasUsed),
    parentHash: genesis.parentHash,
    alloc,
  }
  if (genesis.baseFeePerGas !== undefined) json.baseFeePerGas = numberToHex(genesis.baseFeePerGas)
  return json
}
