import assert from 'node:assert/strict'
import { splitV2ABI } from '@0xsplits/splits-sdk/constants/abi'
import { isChainopsError } from '@chainops/core'
import {
  type Address,
  createPublicClient,
  custom,
  encodeAbiParameters,
  encodeEventTopics,
  type Hex,
  numberToHex,
  type PublicClient,
  zeroHash,
} from 'viem'
import { buildSplitV2Params } from './buildSplitV2Params.ts'
import { getSplitV2Params } from './getSplitV2Params.ts'
import type { SplitV2Params } from './SplitV2Params.ts'
import { splitV2Hash } from './splitV2Hash.ts'

const split: Address = '0x5555555555555555555555555555555555555555'
const team: Address = '0x1111111111111111111111111111111111111111'
const member: Address = '0x2222222222222222222222222222222222222222'
const created = buildSplitV2Params({
  recipients: [
    { address: team, allocation: 600_000n },
    { address: member, allocation: 400_000n },
  ],
})
const updated = buildSplitV2Params({
  recipients: [
    { address: member, allocation: 1n },
    { address: team, allocation: 3n },
  ],
  distributionIncentive: 100,
})

function splitUpdatedLog(params: SplitV2Params, blockNumber: bigint) {
  const splitTuple = splitV2ABI.find((item) => item.type === 'event' && item.name === 'SplitUpdated')!.inputs
  return {
    address: split,
    topics: encodeEventTopics({ abi: splitV2ABI, eventName: 'SplitUpdated' }),
    data: encodeAbiParameters(splitTuple, [params]),
    blockNumber: numberToHex(blockNumber),
    blockHash: zeroHash,
    transactionHash: zeroHash,
    transactionIndex: '0x0',
    logIndex: '0x0',
    removed: false,
  }
}

/** A node holding `events` for the split and `stored` as its splitHash; records the getLogs filters asked. */
function node(events: SplitV2Params[], stored: Hex) {
  const filters: unknown[] = []
  const publicClient = createPublicClient({
    transport: custom({
      async request({ method, params }: { method: string; params: unknown[] }) {
        if (method === 'eth_getLogs') {
          filters.push(params[0])
          return events.map((event, i) => splitUpdatedLog(event, BigInt(10 + i)))
        }
        if (method === 'eth_call') return stored
        throw new Error(`unexpected ${method}`)
      },
    }),
  }) as PublicClient
  return { publicClient, filters }
}

describe('getSplitV2Params', () => {
  it("returns the split's last SplitUpdated params when they hash to its stored splitHash", async () => {
    const { publicClient, filters } = node([created, updated], splitV2Hash(updated))
    assert.deepEqual(await getSplitV2Params({ publicClient, split, fromBlock: 7n }), updated)
    assert.deepEqual(filters, [
      {
        address: split,
        topics: encodeEventTopics({ abi: splitV2ABI, eventName: 'SplitUpdated' }),
        fromBlock: '0x7',
        toBlock: 'latest',
      },
    ])
  })

  it('scans from block 0 by default', async () => {
    const { publicClient, filters } = node([created], splitV2Hash(created))
    assert.deepEqual(await getSplitV2Params({ publicClient, split }), created)
    assert.equal((filters[0] as { fromBlock: string }).fromBlock, '0x0')
  })

  it('is SPLITS_SPLIT_NOT_FOUND when the address has no SplitUpdated event since the block', async () => {
    const { publicClient } = node([], zeroHash)
    await assert.rejects(
      getSplitV2Params({ publicClient, split, fromBlock: 5n }),
      (error: unknown) =>
        isChainopsError(error, 'SPLITS_SPLIT_NOT_FOUND') &&
        /no SplitUpdated event from 0x5{40} since block 5/.test(error.shortMessage),
    )
  })

  it('is SPLITS_SPLIT_NOT_FOUND when the last event does not hash to the stored splitHash', async () => {
    const { publicClient } = node([updated, created], splitV2Hash(updated))
    await assert.rejects(
      getSplitV2Params({ publicClient, split }),
      (error: unknown) =>
        isChainopsError(error, 'SPLITS_SPLIT_NOT_FOUND') && error.details === `stored ${splitV2Hash(updated)}`,
    )
  })
})
