import assert from 'node:assert/strict'
import { type SafeDevnet, startSafeDevnet } from '@chainops/testkit'
import hre from 'hardhat'
import { type Hex, keccak256, parseEther } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { routeRewards } from '../src/routing/routeRewards.ts'
import { createRewardSafe } from '../src/safe/createRewardSafe.ts'
import { deploySafeContracts } from '../src/safe/deploySafeContracts.ts'
import { SafeError } from '../src/safe/SafeError.ts'
import { safeSingletonFactoryPredeploy } from '../src/safe/safeSingletonFactoryPredeploy.ts'
import { safeV141Contracts } from '../src/safe/safeV141Contracts.ts'
import { buildSplitV2Params } from '../src/splits/buildSplitV2Params.ts'
import { createSplit } from '../src/splits/createSplit.ts'

// Public-label test keys (recomputable by anyone, never holding value).
const key = (label: string): Hex => keccak256(new TextEncoder().encode(`chainops-test-routing-geth-${label}`))
const sealerKey = key('sealer')
const faucetKey = key('faucet')
const owners = ['a', 'b', 'c'].map((label) => privateKeyToAccount(key(`owner-${label}`)))
const teamPool = privateKeyToAccount(key('team-pool')).address
const payout1 = privateKeyToAccount(key('payout-1')).address
const payout2 = privateKeyToAccount(key('payout-2')).address

describe('Safe deploy and reward routing on a real geth v1.13.15 Clique devnet @integration', () => {
  let devnet: SafeDevnet | undefined

  after(async () => {
    await devnet?.stop()
  })

  it('predeploys the factory in the genesis, deploys Safe v1.4.1 at canonical addresses and routes ETH 2-of-3 to the wei', async function () {
    this.timeout(180_000)
    const factory = await safeSingletonFactoryPredeploy()
    devnet = await startSafeDevnet({ sealerKeys: [sealerKey], faucetKey, label: 'treasury' })
    const { network, rpcUrl, publicClient, walletClient } = devnet
    // The kit reads the factory from the package on its own: it must be the code this package checked.
    assert.equal(await publicClient.getCode({ address: factory.address }), factory.code)

    const { contracts, deployed } = await deploySafeContracts({ publicClient, walletClient })
    assert.equal(deployed.length, 9)
    for (const contract of safeV141Contracts) {
      const code = await publicClient.getCode({ address: contract.address })
      assert.ok(code)
      assert.equal(keccak256(code), contract.codeHash, contract.name)
    }

    const { address: safeAddress, safe } = await createRewardSafe({
      provider: rpcUrl,
      publicClient,
      walletClient: walletClient,
      contracts,
      executor: { privateKey: network.faucet.privateKey },
      owners: owners.map(({ address }) => address),
      threshold: 2,
    })

    const artifact = await hre.artifacts.readArtifact('PushSplitFactoryDouble')
    const deployHash = await walletClient.deployContract({ abi: artifact.abi, bytecode: artifact.bytecode as Hex })
    const splitFactory = (await publicClient.waitForTransactionReceipt({ hash: deployHash })).contractAddress
    assert.ok(splitFactory)
    const params = buildSplitV2Params({
      recipients: [
        { address: teamPool, allocation: 3n },
        { address: payout1, allocation: 2n },
        { address: payout2, allocation: 2n },
      ],
    })
    const { address: split } = await createSplit({
      publicClient,
      walletClient,
      factory: splitFactory,
      split: params,
      owner: safeAddress,
    })

    const rewards = parseEther('7') + 6n
    await publicClient.waitForTransactionReceipt({
      hash: await walletClient.sendTransaction({ to: safeAddress, value: rewards }),
    })

    await assert.rejects(
      routeRewards({ safe, publicClient, split: { address: split, params }, signers: [owners[1]!] }),
      (error: unknown) => error instanceof SafeError && error.code === 'SAFE_THRESHOLD_NOT_MET',
    )
    await routeRewards({ safe, publicClient, split: { address: split, params }, signers: [owners[0]!, owners[1]!] })
    // 7 ETH + 6 wei over 3:2:2, no incentive: 3 ETH + 2 wei, 2 ETH + 1 wei (1.71 floored) twice; 2 wei stay.
    assert.equal(await publicClient.getBalance({ address: teamPool }), parseEther('3') + 2n)
    assert.equal(await publicClient.getBalance({ address: payout1 }), parseEther('2') + 1n)
    assert.equal(await publicClient.getBalance({ address: payout2 }), parseEther('2') + 1n)
    assert.equal(await publicClient.getBalance({ address: split }), 2n)
    assert.equal(await publicClient.getBalance({ address: safeAddress }), 0n)
  })
})
