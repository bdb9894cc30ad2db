import assert from 'node:assert/strict'
import {
  type AbiEvent,
  createClient,
  custom,
  encodeAbiParameters,
  encodeEventTopics,
  type Hex,
  numberToHex,
  pad,
} from 'viem'
import { getClusterSnapshot } from './getClusterSnapshot.ts'
import { getOwnerNonce } from './getOwnerNonce.ts'
import type { SsvCluster } from './SsvCluster.ts'
import { SsvRegistrationError } from './SsvRegistrationError.ts'
import { ssvNetworkAbi } from './ssvNetworkAbi.ts'

const contract = '0xDD9BC35aE942eF0cFa76930954a156B3fF30a4E1' as const
const owner = '0x1111111111111111111111111111111111111111' as const
const other = '0x2222222222222222222222222222222222222222' as const
const cluster = (validatorCount: number, balance: bigint, active = true): SsvCluster => ({
  validatorCount,
  networkFeeIndex: 3n,
  index: 5n,
  active,
  balance,
})

type FakeLog = {
  eventName: string
  owner: Hex
  operatorIds: bigint[]
  cluster: SsvCluster
  blockNumber: bigint
  logIndex: number
}

/** An eth_getLogs answer as a node gives it: topics and data encoded with the ssv-scanner ABI. */
function encodeLog(log: FakeLog) {
  const event = ssvNetworkAbi.find((item) => item.type === 'event' && item.name === log.eventName) as AbiEvent
  const topics = encodeEventTopics({ abi: [event], eventName: log.eventName, args: { owner: log.owner } } as never)
  const values: Record<string, unknown> = {
    operatorIds: log.operatorIds,
    publicKey: `0x${'ab'.repeat(48)}`,
    shares: '0x01',
    value: 1n,
    cluster: log.cluster,
  }
  const body = event.inputs.filter((input) => !input.indexed)
  return {
    address: contract,
    topics,
    data: encodeAbiParameters(body, body.map((input) => values[input.name as string]) as never),
    blockNumber: numberToHex(log.blockNumber),
    logIndex: numberToHex(log.logIndex),
    transactionIndex: '0x0',
    transactionHash: pad(numberToHex(log.blockNumber * 1000n + BigInt(log.logIndex))),
    blockHash: pad(numberToHex(log.blockNumber)),
    removed: false,
  }
}

/** A client whose node holds `logs` and answers eth_getLogs by topic 0 and the owner topic. */
function clientWith(logs: FakeLog[]) {
  const encoded = logs.map(encodeLog)
  return createClient({
    transport: custom({
      async request({ method, params }: { method: string; params?: unknown }) {
        if (method !== 'eth_getLogs') throw new Error(`unexpected ${method}`)
        const [filter] = params as [{ topics: (Hex | null)[] }]
        const [topic0, ownerTopic] = filter.topics
        return encoded.filter((log) => log.topics[0] === topic0 && (!ownerTopic || log.topics[1] === ownerTopic))
      },
    }),
  })
}

const ids = [1n, 2n, 3n, 4n]

describe('getClusterSnapshot and getOwnerNonce from logs', () => {
  it('takes the struct of the latest cluster event by block then log index, across all six events', async () => {
    const logs: FakeLog[] = [
      { eventName: 'ValidatorAdded', owner, operatorIds: ids, cluster: cluster(1, 10n), blockNumber: 10n, logIndex: 0 },
      { eventName: 'ValidatorAdded', owner, operatorIds: ids, cluster: cluster(2, 10n), blockNumber: 11n, logIndex: 4 },
      {
        eventName: 'ClusterDeposited',
        owner,
        operatorIds: ids,
        cluster: cluster(2, 30n),
        blockNumber: 12n,
        logIndex: 1,
      },
      {
        eventName: 'ClusterWithdrawn',
        owner,
        operatorIds: ids,
        cluster: cluster(2, 20n),
        blockNumber: 12n,
        logIndex: 2,
      },
      {
        eventName: 'ValidatorRemoved',
        owner,
        operatorIds: ids,
        cluster: cluster(1, 20n),
        blockNumber: 13n,
        logIndex: 0,
      },
      {
        eventName: 'ClusterLiquidated',
        owner,
        operatorIds: ids,
        cluster: cluster(1, 0n, false),
        blockNumber: 14n,
        logIndex: 7,
      },
      // Another cluster of the same owner, and the same cluster ids of another owner: ignored.
      {
        eventName: 'ValidatorAdded',
        owner,
        operatorIds: [1n, 2n, 3n, 5n],
        cluster: cluster(9, 9n),
        blockNumber: 20n,
        logIndex: 0,
      },
      {
        eventName: 'ValidatorAdded',
        owner: other,
        operatorIds: ids,
        cluster: cluster(8, 8n),
        blockNumber: 21n,
        logIndex: 0,
      },
    ]
    const liquidated = await getClusterSnapshot(clientWith(logs), { contract, owner, operatorIds: ids })
    assert.deepEqual(liquidated.cluster, cluster(1, 0n, false))
    assert.deepEqual(liquidated.source, { eventName: 'ClusterLiquidated', blockNumber: 14n, logIndex: 7 })

    const reactivated = [
      ...logs,
      {
        eventName: 'ClusterReactivated',
        owner,
        operatorIds: ids,
        cluster: cluster(1, 50n),
        blockNumber: 14n,
        logIndex: 8,
      },
    ]
    const after = await getClusterSnapshot(clientWith(reactivated), { contract, owner, operatorIds: ids })
    assert.deepEqual(after.cluster, cluster(1, 50n))
    assert.equal(after.source?.eventName, 'ClusterReactivated')

    // The nonce counts the owner's ValidatorAdded in every cluster, and a removal gives none back.
    assert.equal(await getOwnerNonce(clientWith(reactivated), { contract, owner }), 3)
    assert.equal(await getOwnerNonce(clientWith(reactivated), { contract, owner: other }), 1)
  })

  it('gives the empty cluster {0,0,0,true,0} when the cluster has no event', async () => {
    const snapshot = await getClusterSnapshot(clientWith([]), { contract, owner, operatorIds: ids })
    assert.deepEqual(snapshot, {
      cluster: { validatorCount: 0, networkFeeIndex: 0n, index: 0n, active: true, balance: 0n },
      source: undefined,
    })
    assert.equal(await getOwnerNonce(clientWith([]), { contract, owner }), 0)
  })

  it('scans up to the toBlock given (one height for the nonce and the snapshot), else to the latest block', async () => {
    const toBlocks: unknown[] = []
    const client = createClient({
      transport: custom({
        async request({ params }: { method: string; params?: unknown }) {
          toBlocks.push((params as [{ toBlock: unknown }])[0].toBlock)
          return []
        },
      }),
    })
    await getOwnerNonce(client, { contract, owner, toBlock: 100n })
    await getClusterSnapshot(client, { contract, owner, operatorIds: ids, toBlock: 100n })
    assert.deepEqual(toBlocks, Array(7).fill('0x64'))
    toBlocks.length = 0
    await getOwnerNonce(client, { contract, owner })
    assert.deepEqual(toBlocks, ['latest'])
  })

  it('refuses operator ids that make no cluster before asking the node', async () => {
    await assert.rejects(
      getClusterSnapshot(clientWith([]), { contract, owner, operatorIds: [4n, 3n, 2n, 1n] }),
      (error: unknown) => error instanceof SsvRegistrationError && error.code === 'SSV_REGISTRATION_OPERATOR_IDS',
    )
  })
})
