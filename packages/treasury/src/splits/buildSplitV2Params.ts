import { type Address, getAddress, isAddress } from 'viem'
import { SplitsError } from './SplitsError.ts'
import type { SplitV2Params } from './SplitV2Params.ts'

export type BuildSplitV2ParamsParameters = {
  /** The team pool and each personal payout, with their allocation (any positive integer units). */
  recipients: readonly { address: Address; allocation: bigint }[]
  /** In 1e-6 of each distribution; default 0. */
  distributionIncentive?: number
}

/** The uint16 the contracts store the incentive in. */
const MAX_DISTRIBUTION_INCENTIVE = 65_535

function invalid(shortMessage: string, details?: string): never {
  throw new SplitsError({ code: 'SPLITS_INVALID_SPLIT', shortMessage, details })
}

/**
 * Checks recipients and allocations once, at the boundary, and gives the struct the contracts
 * take: the total allocation is the sum (what `SplitV2Lib.validate` demands), recipients keep the
 * order given (the order is part of the split's hash).
 */
export function buildSplitV2Params(parameters: BuildSplitV2ParamsParameters): SplitV2Params {
  const { recipients, distributionIncentive = 0 } = parameters
  if (!Array.isArray(recipients) || recipients.length === 0) invalid('a split needs recipients')
  const seen = new Set<Address>()
  for (const [index, recipient] of recipients.entries()) {
    if (!isAddress(recipient.address, { strict: false })) invalid(`recipient ${index} is not an address`)
    const address = getAddress(recipient.address)
    if (seen.has(address)) invalid(`recipient ${address} is listed twice`)
    seen.add(address)
    if (typeof recipient.allocation !== 'bigint' || recipient.allocation <= 0n) {
      invalid(`recipient ${address} needs a positive bigint allocation`)
    }
  }
  if (
    !Number.isInteger(distributionIncentive) ||
    distributionIncentive < 0 ||
    distributionIncentive > MAX_DISTRIBUTION_INCENTIVE
  ) {
    invalid(`distributionIncentive must be an integer from 0 to ${MAX_DISTRIBUTION_INCENTIVE}`)
  }
  const allocations = recipients.map(({ allocation }) => allocation)
  return {
    recipients: recipients.map(({ address }) => getAddress(address)),
    allocations,
    totalAllocation: allocations.reduce((sum, allocation) => sum + allocation, 0n),
    distributionIncentive,
  }
}
