import { splitV2ABI } from '@0xsplits/splits-sdk/constants/abi'
import { type EthersProvider, toViemClient } from '@chainops/core/ethers'
import type { Address, PublicClient } from 'viem'
import { SplitsError } from './SplitsError.ts'
import type { SplitV2Params } from './SplitV2Params.ts'
import { splitV2Hash } from './splitV2Hash.ts'

export type GetSplitV2ParamsParameters = {
  /** A viem public client or an ethers v6 provider. */
  publicClient: PublicClient | EthersProvider
  split: Address
  /** Where to start scanning for the split's `SplitUpdated` events: at or before its creation (default 0). */
  fromBlock?: bigint | undefined
}

export type GetSplitV2ParamsErrorType = SplitsError

/**
 * A split's current recipients and allocations, as `distributeSplit` and `updateSplitCall` take
 * them. SplitsV2 stores only their hash: they come from the split's last `SplitUpdated` event
 * (emitted at creation and at every update), checked against the stored `splitHash`.
 * `SPLITS_SPLIT_NOT_FOUND` when there is no such event or it does not hash to the stored value.
 */
export async function getSplitV2Params(parameters: GetSplitV2ParamsParameters): Promise<SplitV2Params> {
  const { split } = parameters
  const publicClient = toViemClient(parameters.publicClient)
  const fromBlock = parameters.fromBlock ?? 0n
  const logs = await publicClient.getContractEvents({
    address: split,
    abi: splitV2ABI,
    eventName: 'SplitUpdated',
    fromBlock,
    toBlock: 'latest',
  })
  const last = logs.at(-1)?.args._split
  if (!last) {
    throw new SplitsError({
      code: 'SPLITS_SPLIT_NOT_FOUND',
      shortMessage: `no SplitUpdated event from ${split} since block ${fromBlock}: not a SplitsV2 split?`,
      details: 'scan from a block at or before the one that created it',
    })
  }
  const params: SplitV2Params = {
    recipients: last.recipients,
    allocations: last.allocations,
    totalAllocation: last.totalAllocation,
    distributionIncentive: last.distributionIncentive,
  }
  const stored = await publicClient.readContract({ address: split, abi: splitV2ABI, functionName: 'splitHash' })
  if (stored !== splitV2Hash(params)) {
    throw new SplitsError({
      code: 'SPLITS_SPLIT_NOT_FOUND',
      shortMessage: `the last SplitUpdated of ${split} does not hash to its stored splitHash`,
      details: `stored ${stored}`,
    })
  }
  return params
}
