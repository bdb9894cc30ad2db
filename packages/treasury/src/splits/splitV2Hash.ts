import { encodeAbiParameters, type Hash, keccak256 } from 'viem'
import type { SplitV2Params } from './SplitV2Params.ts'

const splitTuple = [
  {
    type: 'tuple',
    components: [
      { name: 'recipients', type: 'address[]' },
      { name: 'allocations', type: 'uint256[]' },
      { name: 'totalAllocation', type: 'uint256' },
      { name: 'distributionIncentive', type: 'uint16' },
    ],
  },
] as const

/** `keccak256(abi.encode(split))`: the `splitHash` a split stores and checks on every distribute. */
export function splitV2Hash(split: SplitV2Params): Hash {
  return keccak256(encodeAbiParameters(splitTuple, [split]))
}
