import { type SplitV2Params, splitV2Hash } from '@chainops/treasury'
import { type Address, type PublicClient, parseAbi } from 'viem'
import { CliError } from '../../errors/CliError.ts'

const splitAbi = parseAbi([
  'event SplitUpdated((address[] recipients, uint256[] allocations, uint256 totalAllocation, uint16 distributionIncentive) _split)',
  'function splitHash() view returns (bytes32)',
])

/**
 * A split's current recipients and allocations. SplitsV2 stores only their hash, and
 * `distribute` takes them in full: they come from the split's last `SplitUpdated` event (emitted
 * at creation and at every update), checked against the stored hash.
 */
export async function readSplitParams(
  publicClient: PublicClient,
  split: Address,
  fromBlock: bigint,
): Promise<SplitV2Params> {
  const logs = await publicClient.getLogs({ address: split, event: splitAbi[0], fromBlock, toBlock: 'latest' })
  const last = logs.at(-1)?.args._split
  if (!last) {
    throw new CliError({
      code: 'CLI_SPLIT_NOT_FOUND',
      shortMessage: `no SplitUpdated event from ${split} since block ${fromBlock}: not a SplitsV2 split?`,
      details: 'give --from-block at or before the block that created it',
    })
  }
  const params: SplitV2Params = {
    recipients: last.recipients,
    allocations: last.allocations,
    totalAllocation: last.totalAllocation,
    distributionIncentive: last.distributionIncentive,
  }
  const stored = await publicClient.readContract({ address: split, abi: splitAbi, functionName: 'splitHash' })
  if (stored !== splitV2Hash(params)) {
    throw new CliError({
      code: 'CLI_SPLIT_NOT_FOUND',
      shortMessage: `the last SplitUpdated of ${split} does not hash to its stored splitHash`,
      details: `stored ${stored}`,
    })
  }
  return params
}
