import { loadSsvNetworkDeployment } from '@chainops/dvt'
import type { Address } from 'viem'
import { usageError } from '../../errors/usageError.ts'
import { addressArgument } from '../../flags/addressArgument.ts'
import { bigintFlag } from '../../flags/bigintFlag.ts'

/** `--contract` checksummed, `--from-block` or its default, and the known deployment at that address if any. */
export function ssvContractFlags(values: Record<string, unknown>): {
  contract: Address
  fromBlock: bigint
  token: Address | undefined
} {
  if (typeof values.contract !== 'string') throw usageError('--contract 0x… (the SSVNetwork proxy) is required')
  const contract = addressArgument(values.contract, '--contract')
  const known = (['mainnet', 'hoodi'] as const)
    .map((network) => loadSsvNetworkDeployment(network))
    .find((deployment) => deployment.contractAddress === contract)
  const fromBlock = bigintFlag(values['from-block'], 'from-block', known?.genesisBlock ?? 0n) as bigint
  return { contract, fromBlock, token: known?.tokenAddress }
}
