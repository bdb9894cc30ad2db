import assert from 'node:assert/strict'
import hre from 'hardhat'
import { type Address, type Hex, keccak256, parseEther } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { RoutingError } from '../src/routing/RoutingError.ts'
import { routeRewards } from '../src/routing/routeRewards.ts'
import { createRewardSafe } from '../src/safe/createRewardSafe.ts'
import { deploySafeContracts } from '../src/safe/deploySafeContracts.ts'
import { placeSafeSingletonFactory } from '../src/safe/placeSafeSingletonFactory.ts'
import { SafeError } from '../src/safe/SafeError.ts'
import { buildSplitV2Params } from '../src/splits/buildSplitV2Params.ts'
import { createSplit } from '../src/splits/createSplit.ts'

// Public-label test keys (recomputable by anyone, never holding value).
const key = (label: string): Hex => keccak256(new TextEncoder().encode(`chainops-test-routing-${label}`))
const owners = ['a', 'b', 'c'].map((label) => privateKeyToAccount(key(`owner-${label}`)))
const outsider = privateKeyToAccount(key('outsider'))
const teamPool = privateKeyToAccount(key('team-pool')).address
const payout1 = privateKeyToAccount(key('payout-1')).address
const payout2 = privateKeyToAccount(key('payout-2')).address
const keeper = privateKeyToAccount(key('keeper')).address

const PERCENTAGE_SCALE = 1_000_000n

/**
 * What each recipient must get, computed here from the SplitsV2 rules rather than by the code
 * under test: the incentive is taken first, then every share rounds down on its own.
 */
function expectedPayouts(amount: bigint, allocations: readonly bigint[], incentive: bigint) {
  const reward = (amount * incentive) / PERCENTAGE_SCALE
  const total = allocations.reduce((a, b) => a + b, 0n)
  const shares = allocations.map((allocation) => ((amount - reward) * allocation) / total)
  return { reward, shares, remainder: amount - reward - shares.reduce((a, b) => a + b, 0n) }
}

function isCode(code: string) {
  return (error: unknown) => {
    assert.ok(error instanceof SafeError || error instanceof RoutingError, `unexpected ${String(error)}`)
    assert.equal(error.code, code)
    return true
  }
}

describe('reward routing: Safe -> split -> team pool and personal payouts on the Hardhat clique network @integration', () => {
  let connection: Awaited<ReturnType<typeof hre.network.create>>

  before(async () => {
    connection = await hre.network.create({ network: 'clique' })
  })
  after(async () => {
    await connection?.close()
  })

  it('routes ETH and an ERC-20 with 2-of-3 signatures in one Safe transaction, to the wei; one signature or a non-owner fails', async () => {
    const publicClient = await connection.viem.getPublicClient()
    const [funder, executor, protocol] = await connection.viem.getWalletClients()
    assert.ok(funder && executor && protocol)
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
    const allocations = [400_000n, 350_000n, 250_000n] as const // team 40%, member 1 35%, member 2 25%
    const incentive = 10_000n // 1% to whoever distributes
    const params = buildSplitV2Params({
      recipients: [
        { address: teamPool, allocation: allocations[0] },
        { address: payout1, allocation: allocations[1] },
        { address: payout2, allocation: allocations[2] },
      ],
      distributionIncentive: Number(incentive),
    })
    const { address: splitAddress } = await createSplit({
      publicClient,
      walletClient: funder,
      factory: factory.address,
      split: params,
      owner: safeAddress,
    })
    const split = { address: splitAddress, params }

    // Rewards arrive at the Safe from two protocols.
    for (const [from, value] of [
      [funder, parseEther('1.5')],
      [protocol, parseEther('0.25') + 7n],
    ] as const) {
      await publicClient.waitForTransactionReceipt({ hash: await from.sendTransaction({ to: safeAddress, value }) })
    }
    const rewards = parseEther('1.75') + 7n
    assert.equal(await publicClient.getBalance({ address: safeAddress }), rewards)

    // One signature: refused before anything is sent; nothing moves.
    await assert.rejects(
      routeRewards({ safe, publicClient, split, distributor: keeper, signers: [owners[0]!] }),
      isCode('SAFE_THRESHOLD_NOT_MET'),
    )
    // A non-owner among the signers: refused before signing.
    await assert.rejects(
      routeRewards({ safe, publicClient, split, distributor: keeper, signers: [owners[0]!, outsider] }),
      isCode('SAFE_SIGNER_NOT_OWNER'),
    )
    assert.equal(await publicClient.getBalance({ address: safeAddress }), rewards)
    assert.equal(await publicClient.getBalance({ address: splitAddress }), 0n)
    assert.equal(await safe.getNonce(), 0)

    // Two of three: one transaction funds the split and pays everyone.
    const routed = await routeRewards({
      safe,
      publicClient,
      split,
      distributor: keeper,
      signers: [owners[0]!, owners[2]!],
    })
    assert.equal(routed.amount, rewards)
    const eth = expectedPayouts(rewards, allocations, incentive)
    // 1.75e18 + 7 wei: keeper 1% = 17500000000000000 (0.07 floored); 1732500000000000007 split 40/35/25.
    assert.deepEqual(eth, {
      reward: 17_500_000_000_000_000n,
      shares: [693_000_000_000_000_002n, 606_375_000_000_000_002n, 433_125_000_000_000_001n],
      remainder: 2n,
    })
    assert.equal(await publicClient.getBalance({ address: teamPool }), eth.shares[0])
    assert.equal(await publicClient.getBalance({ address: payout1 }), eth.shares[1])
    assert.equal(await publicClient.getBalance({ address: payout2 }), eth.shares[2])
    assert.equal(await publicClient.getBalance({ address: keeper }), eth.reward)
    assert.equal(await publicClient.getBalance({ address: splitAddress }), eth.remainder)
    assert.equal(await publicClient.getBalance({ address: safeAddress }), 0n)
    assert.equal(await safe.getNonce(), 1)
    // One Safe transaction: a single execTransaction from the executor did all of it.
    const tx = await publicClient.getTransaction({ hash: routed.hash })
    assert.equal(tx.to?.toLowerCase(), safeAddress.toLowerCase())
    assert.equal(tx.from.toLowerCase(), executor.account.address.toLowerCase())
    assert.ok(
      tx.input.toLowerCase().includes(contracts.MultiSendCallOnly.slice(2).toLowerCase()),
      'batched by MultiSendCallOnly',
    )

    // Nothing left: routing again is a typed error.
    await assert.rejects(
      routeRewards({ safe, publicClient, split, distributor: keeper, signers: [owners[0]!, owners[1]!] }),
      isCode('ROUTING_NOTHING_TO_ROUTE'),
    )

    // An ERC-20 reward (e.g. RPL), owners B and C this time.
    const token = await connection.viem.deployContract('ERC20Double', ['Reward', 'RWD', 18])
    const tokenRewards = 1_000n * 10n ** 18n + 3n
    await token.write.mint!([safeAddress, tokenRewards])
    const balanceOf = (address: Address) => token.read.balanceOf!([address]) as Promise<bigint>
    await routeRewards({
      safe,
      publicClient,
      split,
      token: token.address,
      distributor: keeper,
      signers: [owners[1]!, owners[2]!],
    })
    const erc20 = expectedPayouts(tokenRewards, allocations, incentive)
    assert.deepEqual(erc20, {
      reward: 10_000_000_000_000_000_000n,
      shares: [396_000_000_000_000_000_001n, 346_500_000_000_000_000_001n, 247_500_000_000_000_000_000n],
      remainder: 1n,
    })
    assert.equal(await balanceOf(teamPool), erc20.shares[0])
    assert.equal(await balanceOf(payout1), erc20.shares[1])
    assert.equal(await balanceOf(payout2), erc20.shares[2])
    assert.equal(await balanceOf(keeper), erc20.reward)
    assert.equal(await balanceOf(splitAddress), erc20.remainder)
    assert.equal(await balanceOf(safeAddress), 0n)
  })
})
