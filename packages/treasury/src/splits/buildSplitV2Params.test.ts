import assert from 'node:assert/strict'
import { buildSplitV2Params } from './buildSplitV2Params.ts'
import { splitV2Hash } from './splitV2Hash.ts'

const team = '0x1111111111111111111111111111111111111111'
const member = '0x2222222222222222222222222222222222222222'

describe('buildSplitV2Params and splitV2Hash', () => {
  it('sums the allocations into totalAllocation, keeps the order and checksums the addresses', () => {
    const params = buildSplitV2Params({
      recipients: [
        { address: member, allocation: 3n },
        { address: team, allocation: 7n },
      ],
      distributionIncentive: 100,
    })
    assert.deepEqual(params, {
      recipients: [member, team],
      allocations: [3n, 7n],
      totalAllocation: 10n,
      distributionIncentive: 100,
    })
  })

  it('hashes the split as keccak256(abi.encode(split)): order matters', () => {
    const forward = buildSplitV2Params({
      recipients: [
        { address: team, allocation: 1n },
        { address: member, allocation: 1n },
      ],
    })
    const reverse = buildSplitV2Params({
      recipients: [
        { address: member, allocation: 1n },
        { address: team, allocation: 1n },
      ],
    })
    assert.match(splitV2Hash(forward), /^0x[0-9a-f]{64}$/)
    assert.notEqual(splitV2Hash(forward), splitV2Hash(reverse))
  })
})
