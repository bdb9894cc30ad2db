import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { splitV2ABI, splitV2o2FactoryAbi } from '@0xsplits/splits-sdk/constants/abi'
import hre from 'hardhat'
import {
  type Abi,
  type AbiEvent,
  type AbiFunction,
  getAddress,
  type Hex,
  keccak256,
  parseEther,
  parseEventLogs,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { formatAbiItem } from 'viem/utils'
import { collectSafeSignatures } from '../src/safe/collectSafeSignatures.ts'
import { createRewardSafe } from '../src/safe/createRewardSafe.ts'
import { deploySafeContracts } from '../src/safe/deploySafeContracts.ts'
import { executeSafeTransaction } from '../src/safe/executeSafeTransaction.ts'
import { placeSafeSingletonFactory } from '../src/safe/placeSafeSingletonFactory.ts'
import { proposeSafeTransaction } from '../src/safe/proposeSafeTransaction.ts'
import { signSafeTransaction } from '../src/safe/signSafeTransaction.ts'
import { buildSplitV2Params } from '../src/splits/buildSplitV2Params.ts'
import { createSplit } from '../src/splits/createSplit.ts'
import { distributeSplit } from '../src/splits/distributeSplit.ts'
import { getSplitBalance } from '../src/splits/getSplitBalance.ts'
import { SplitsError } from '../src/splits/SplitsError.ts'
import { splitsNativeToken } from '../src/splits/splitsNativeToken.ts'
import { splitV2Hash } from '../src/splits/splitV2Hash.ts'
import { updateSplitCall } from '../src/splits/updateSplitCall.ts'

// The SDK ships the v2.1 split ABI but leaves it out of its `exports`: read the file directly.
const require = createRequire(import.meta.url)
const { splitV2o1Abi } = require(
  join(dirname(require.resolve('@0xsplits/splits-sdk')), 'constants/abi/splitV2o1.js'),
) as { splitV2o1Abi: Abi }

const key = (label: string): Hex => keccak256(new TextEncoder().encode(`chainops-test-splits-${label}`))
const owners = ['a', 'b', 'c'].map((label) => privateKeyToAccount(key(`owner-${label}`)))
const teamPool = privateKeyToAccount(key('team-pool')).address
const payout1 = privateKeyToAccount(key('payout-1')).address
const payout2 = privateKeyToAccount(key('payout-2')).address
const keeper = privateKeyToAccount(key('keeper')).address

function signature(item: AbiFunction | AbiEvent): string {
  const outputs =
    item.type === 'function' ? ` -> (${item.outputs.map((o) => o.type).join(',')}) ${item.stateMutability}` : ''
  const indexed = item.type === 'event' ? ` [${item.inputs.map((i) => (i.indexed ? 'i' : '-')).join('')}]` : ''
  return `${item.type} ${formatAbiItem(item)}${outputs}${indexed}`
}

function surface(abi: Abi): Set<string> {
  return new Set(
    abi
      .filter((item): item is AbiFunction | AbiEvent => item.type === 'function' || item.type === 'event')
      .map(signature),
  )
}

describe('SplitsV2 test double and the splits module on the Hardhat clique network @integration', () => {
  let connection: Awaited<ReturnType<typeof hre.network.create>>

  before(async () => {
    connection = await hre.network.create({ network: 'clique' })
  })
  after(async () => {
    await connection?.close()
  })

  it('has the same function and event signatures as the ABIs @0xsplits/splits-sdk ships', async () => {
    const split = await hre.artifacts.readArtifact('PushSplitDouble')
    const factory = await hre.artifacts.readArtifact('PushSplitFactoryDouble')
    // The split is compared with the v2.1+ ABI (the contract as deployed today: `updateBlockNumber`,
    // no `depositToWarehouse`); every call chainops makes by `splitV2ABI` is in both.
    const sdkSplit = surface(splitV2o1Abi)
    const sdkFactory = surface(splitV2o2FactoryAbi)
    const doubleSplit = surface(split.abi as Abi)
    const doubleFactory = surface(factory.abi as Abi)
    // Everything the doubles expose is in the SDK's ABIs, with the same types, outputs and indexing.
    assert.deepEqual(
      [...doubleSplit].filter((s) => !sdkSplit.has(s)),
      [],
    )
    assert.deepEqual(
      [...doubleFactory].filter((s) => !sdkFactory.has(s)),
      [],
    )
    const used = ['distribute', 'updateSplit', 'getSplitBalance', 'splitHash', 'owner']
    for (const item of surface(splitV2ABI)) {
      if (used.some((name) => item.startsWith(`function ${name}(`))) assert.ok(doubleSplit.has(item), item)
    }
    assert.equal([...doubleSplit].filter((s) => s.startsWith('function distribute(')).length, 2)
    // The factory is complete; the split leaves out exactly what its header says.
    assert.deepEqual(
      [...sdkFactory].filter((s) => !doubleFactory.has(s)),
      [],
    )
    assert.deepEqual(
      [...sdkSplit]
        .filter((s) => !doubleSplit.has(s))
        .map((s) => s.split('(')[0])
        .sort(),
      [
        'event EIP712DomainChanged',
        'function eip712Domain',
        'function isValidSignature',
        'function onERC1155BatchReceived',
        'function onERC1155Received',
        'function onERC721Received',
        'function replaySafeHash',
        'function supportsInterface',
      ],
    )
  })

  it('creates a split controlled by the Safe, updates it only through the Safe, distributes ETH and an ERC-20 to the wei', async () => {
    const publicClient = await connection.viem.getPublicClient()
    const [funder, executor] = await connection.viem.getWalletClients()
    assert.ok(funder && executor)
    await placeSafeSingletonFactory({ testClient: await connection.viem.getTestClient() })
    const { contracts } = await deploySafeContracts({ publicClient, walletClient: funder })
    const { address: safeAddress, safe } = await createRewardSafe({
      provider: connection.provider,
      publicClient,
      walletClient: funder,
      contracts,
      executor: { address: executor.account.address },
      owners: owners.map(({ address }) => address),
      threshold: 2,
    })

    const factory = await connection.viem.deployContract('PushSplitFactoryDouble')
    const params = buildSplitV2Params({
      recipients: [
        { address: teamPool, allocation: 500_000n },
        { address: payout1, allocation: 300_000n },
        { address: payout2, allocation: 200_000n },
      ],
    })
    assert.equal(params.totalAllocation, 1_000_000n)
    const { address: split } = await createSplit({
      publicClient,
      walletClient: funder,
      factory: factory.address,
      split: params,
      owner: safeAddress,
    })

    // ETH: the 3-argument distribute pays out the balance minus the 1 wei SplitsV2 keeps.
    await publicClient.waitForTransactionReceipt({ hash: await funder.sendTransaction({ to: split, value: 1001n }) })
    await distributeSplit({
      publicClient,
      walletClient: funder,
      split,
      params,
      token: splitsNativeToken,
      distributor: keeper,
    })
    assert.equal(await publicClient.getBalance({ address: teamPool }), 500n) // 1000 * 5/10
    assert.equal(await publicClient.getBalance({ address: payout1 }), 300n)
    assert.equal(await publicClient.getBalance({ address: payout2 }), 200n)
    assert.deepEqual(await getSplitBalance({ publicClient, split, token: splitsNativeToken }), {
      split: 1n,
      warehouse: 0n,
    })

    // Update: refused from an EOA, done by the Safe with two owner signatures.
    const updated = buildSplitV2Params({
      recipients: [
        { address: teamPool, allocation: 2n },
        { address: payout1, allocation: 1n },
        { address: payout2, allocation: 1n },
      ],
      distributionIncentive: 20_000, // 2%
    })
    const call = updateSplitCall({ split, params: updated })
    await assert.rejects(funder.sendTransaction({ to: call.to, data: call.data }), /Unauthorized/)
    const { transaction } = await proposeSafeTransaction({ safe, calls: [call] })
    const signed = await collectSafeSignatures({
      safe,
      transactions: [
        (await signSafeTransaction({ safe, transaction, signer: owners[0]! })).transaction,
        (await signSafeTransaction({ safe, transaction, signer: owners[1]! })).transaction,
      ],
    })
    const { receipt } = await executeSafeTransaction({ safe, publicClient, transaction: signed })
    const [event] = parseEventLogs({ abi: splitV2ABI, logs: receipt.logs, eventName: 'SplitUpdated' })
    assert.ok(event)
    assert.deepEqual(event.args._split.allocations, [2n, 1n, 1n])
    assert.equal(
      await publicClient.readContract({ address: split, abi: splitV2ABI, functionName: 'splitHash' }),
      splitV2Hash(updated),
    )
    // The old split no longer distributes.
    await assert.rejects(
      distributeSplit({
        publicClient,
        walletClient: funder,
        split,
        params,
        token: splitsNativeToken,
        distributor: keeper,
      }),
      /InvalidSplit/,
    )

    // ERC-20 with a 2% incentive, an exact amount and a remainder.
    const token = await connection.viem.deployContract('ERC20Double', ['Reward', 'RWD', 18])
    await token.write.mint!([split, parseEther('10') + 7n])
    const amount = parseEther('10') + 7n
    const hash = await distributeSplit({
      publicClient,
      walletClient: funder,
      split,
      params: updated,
      token: token.address,
      distributor: keeper,
      amount,
    })
    // reward = (10e18 + 7) * 20000 / 1e6 = 2e17 (+0.14, floored); the rest 9.8e18 + 7 goes 2:1:1.
    const balanceOf = (address: `0x${string}`) => token.read.balanceOf!([address]) as Promise<bigint>
    assert.equal(await balanceOf(keeper), 200_000_000_000_000_000n)
    assert.equal(await balanceOf(teamPool), 4_900_000_000_000_000_003n) // (9.8e18 + 7) / 2, floored
    assert.equal(await balanceOf(payout1), 2_450_000_000_000_000_001n) // (9.8e18 + 7) / 4, floored
    assert.equal(await balanceOf(payout2), 2_450_000_000_000_000_001n)
    assert.equal(await balanceOf(split), 2n) // the rounding remainder stays for the next distribution
    const logs = parseEventLogs({
      abi: splitV2ABI,
      logs: (await publicClient.getTransactionReceipt({ hash })).logs,
      eventName: 'SplitDistributed',
    })
    assert.deepEqual(
      logs.map(({ args }) => args),
      [{ token: getAddress(token.address), distributor: keeper, amount }],
    )
  })

  it('refuses splits that cannot exist, with SPLITS_INVALID_SPLIT', () => {
    const cases: Array<[string, Parameters<typeof buildSplitV2Params>[0]]> = [
      ['no recipients', { recipients: [] }],
      [
        'a repeated recipient',
        {
          recipients: [
            { address: teamPool, allocation: 1n },
            { address: teamPool, allocation: 1n },
          ],
        },
      ],
      ['a zero allocation', { recipients: [{ address: teamPool, allocation: 0n }] }],
      [
        'an incentive above uint16',
        { recipients: [{ address: teamPool, allocation: 1n }], distributionIncentive: 65_536 },
      ],
      ['a bad address', { recipients: [{ address: '0x1234' as `0x${string}`, allocation: 1n }] }],
    ]
    for (const [name, input] of cases) {
      assert.throws(
        () => buildSplitV2Params(input),
        (error: unknown) => error instanceof SplitsError && error.code === 'SPLITS_INVALID_SPLIT',
        name,
      )
    }
  })
})
