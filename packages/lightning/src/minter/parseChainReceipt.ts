import type { Address, Hex } from 'viem'

/** The fields of a receipt the minter uses, from the node's JSON (hex quantities). */
export type ChainReceipt = {
  transactionHash: Hex
  blockNumber: bigint
  status: 'success' | 'reverted'
  from: Address
  gasUsed: bigint
  effectiveGasPrice: bigint
}

export type RawReceipt = {
  transactionHash: Hex
  blockNumber: Hex
  status: Hex
  from: Address
  gasUsed: Hex
  effectiveGasPrice?: Hex
}

export function parseChainReceipt(raw: RawReceipt): ChainReceipt {
  return {
    transactionHash: raw.transactionHash.toLowerCase() as Hex,
    blockNumber: BigInt(raw.blockNumber),
    status: BigInt(raw.status) === 1n ? 'success' : 'reverted',
    from: raw.from.toLowerCase() as Address,
    gasUsed: BigInt(raw.gasUsed),
    effectiveGasPrice: BigInt(raw.effectiveGasPrice ?? '0x0'),
  }
}
