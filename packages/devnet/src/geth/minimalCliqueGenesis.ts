import type { Address } from 'viem'
import type { GethGenesis } from './GethGenesis.ts'

export type MinimalCliqueGenesisParameters = {
  chainId: number
  /** Seconds between blocks. */
  period: number
  sealers: readonly Address[]
  gasLimit: bigint
  alloc: ReadonlyArray<{ address: Address; balanceWei: bigint }>
}

const zeroHash = `0x${'00'.repeat(32)}`

/**
 * The smallest genesis geth v1.13.15 seals with Clique: every fork up to London at block 0 (Clique
 * cannot go past London), extraData = 32-byte vanity + sealers sorted ascending + 65-byte seal.
 * `baseFeePerGas` is left out so geth applies its own initial base fee.
 */
export function minimalCliqueGenesis(parameters: MinimalCliqueGenesisParameters): GethGenesis {
  const { chainId, period, sealers, gasLimit, alloc } = parameters
  const sorted = sealers.map((address) => address.toLowerCase().slice(2)).sort()
  const balances: GethGenesis['alloc'] = {}
  for (const { address, balanceWei } of alloc) balances[address.toLowerCase()] = { balance: toQuantity(balanceWei) }
  return {
    config: {
      chainId,
      homesteadBlock: 0,
      eip150Block: 0,
      eip155Block: 0,
      eip158Block: 0,
      byzantiumBlock: 0,
      constantinopleBlock: 0,
      petersburgBlock: 0,
      istanbulBlock: 0,
      berlinBlock: 0,
      londonBlock: 0,
      clique: { period, epoch: 30000 },
    },
    nonce: '0x0',
    timestamp: '0x0',
    extraData: `0x${'00'.repeat(32)}${sorted.join('')}${'00'.repeat(65)}`,
    gasLimit: toQuantity(gasLimit),
    difficulty: '0x1',
    mixHash: zeroHash,
    coinbase: `0x${'00'.repeat(20)}`,
    alloc: balances,
    number: '0x0',
    gasUsed: '0x0',
    parentHash: zeroHash,
  }
}

function toQuantity(value: bigint): string {
  return `0x${value.toString(16)}`
}
