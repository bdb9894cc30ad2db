import assert from 'node:assert/strict'
import { EthersAdapterError } from '@chainops/core/ethers'
import { type SafeDevnet, startSafeDevnet } from '@chainops/testkit'
import { JsonRpcProvider, JsonRpcSigner, Wallet } from 'ethers'
import hre from 'hardhat'
import { type Address, type Hex, keccak256, parseEther } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { routeRewards } from '../src/routing/routeRewards.ts'
import { collectSafeSignatures } from '../src/safe/collectSafeSignatures.ts'
import { connectSafe } from '../src/safe/connectSafe.ts'
import { createRewardSafe } from '../src/safe/createRewardSafe.ts'
import { deploySafeContracts } from '../src/safe/deploySafeContracts.ts'
import { executeSafeTransaction } from '../src/safe/executeSafeTransaction.ts'
import type { ProtocolKitSafe } from '../src/safe/ProtocolKitSafe.ts'
import { proposeSafeTransaction } from '../src/safe/proposeSafeTransaction.ts'
import type { SafeContracts } from '../src/safe/SafeContracts.ts'
import { SafeError } from '../src/safe/SafeError.ts'
import { safeContractNetworks } from '../src/safe/safeContractNetworks.ts'
import { signSafeTransaction } from '../src/safe/signSafeTransaction.ts'
import { buildSplitV2Params } from '../src/splits/buildSplitV2Params.ts'
import { createSplit } from '../src/splits/createSplit.ts'
import { distributeSplit } from '../src/splits/distributeSplit.ts'
import { getSplitV2Params } from '../src/splits/getSplitV2Params.ts'
import { splitsNativeToken } from '../src/splits/splitsNativeToken.ts'

// Public-label test keys (recomputable by anyone, never holding value).
const key = (label: string): Hex => keccak256(new TextEncoder().encode(`chainops-test-ethers-geth-${label}`))
const sealerKey = key('sealer')
const faucetKey = key('faucet')
const ownerKeys = ['a', 'b', 'c'].map((label) => key(`owner-${label}`))
const viemOwners = ownerKeys.map((k) => privateKeyToAccount(k))
const recipient = privateKeyToAccount(key('recipient')).address
const teamPool = privateKeyToAccount(key('team-pool')).address
const payout = privateKeyToAccount(key('payout')).address
const keeper = privateKeyToAccount(key('keeper')).address

describe('Safe and 0xSplits driven with ethers v6 on a real geth v1.13.15 Clique devnet @integration', function () {
  this.timeout(240_000)
  let devnet: SafeDevnet
  let provider: JsonRpcProvider
  let faucet: Wallet
  let owners: Wallet[]
  let contracts: SafeContracts
  let safeAddress: Address
  let safe: ProtocolKitSafe
  let split: { address: Address; params: ReturnType<typeof buildSplitV2Params> }

  before(async () => {
    devnet = await startSafeDevnet({ sealerKeys: [sealerKey], faucetKey, label: 'ethers' })
    provider = new JsonRpcProvider(devnet.rpcUrl, devnet.network.chainId, { staticNetwork: true, pollingInterval: 250 })
    faucet = new Wallet(faucetKey, provider)
    owners = ownerKeys.map((k) => new Wallet(k, provider))
  })
  after(async () => {
    provider?.destroy()
    await devnet?.stop()
  })

  it('deploys Safe v1.4.1 and a 2-of-3 reward Safe with an ethers provider and an ethers Wallet paying', async () => {
    const { publicClient } = devnet
    const deployed = await deploySafeContracts({ publicClient: provider, walletClient: faucet })
    contracts = deployed.contracts
    assert.equal(deployed.deployed.length, 9)
    const created = await createRewardSafe({
      provider,
      publicClient: provider,
      walletClient: faucet,
      contracts,
      executor: faucet,
      owners: viemOwners.map(({ address }) => address),
      threshold: 2,
    })
    safeAddress = created.address
    safe = created.safe
    assert.ok(created.transactionHash)
    const receipt = await publicClient.getTransactionReceipt({ hash: created.transactionHash })
    assert.equal(receipt.from, faucet.address.toLowerCase())
    assert.deepEqual(
      await safe.getOwners(),
      viemOwners.map(({ address }) => address),
    )
    assert.equal(await safe.getThreshold(), 2)
  })

  it('proposes, signs with two ethers Wallets and executes a Safe transfer: the same hash and signatures as viem, the wei arrive', async () => {
    const { publicClient, walletClient } = devnet
    await publicClient.waitForTransactionReceipt({
      hash: await walletClient.sendTransaction({ to: safeAddress, value: parseEther('2') }),
    })
    const value = parseEther('1') + 7n
    const { transaction, safeTxHash } = await proposeSafeTransaction({
      safe,
      calls: [{ to: recipient, value, data: '0x' }],
    })

    const viaEthers = await Promise.all(
      [0, 1].map((i) => signSafeTransaction({ safe, transaction, signer: owners[i] as Wallet })),
    )
    const viaViem = await Promise.all(
      [0, 1].map((i) => signSafeTransaction({ safe, transaction, signer: viemOwners[i] as (typeof viemOwners)[0] })),
    )
    for (const i of [0, 1]) {
      assert.equal(viaEthers[i]?.safeTxHash, safeTxHash)
      const address = viemOwners[i]?.address as Address
      assert.equal(
        viaEthers[i]?.transaction.getSignature(address)?.data,
        viaViem[i]?.transaction.getSignature(address)?.data,
      )
    }
    await assert.rejects(
      signSafeTransaction({ safe, transaction, signer: new Wallet(key('stranger'), provider) }),
      (error: unknown) => error instanceof SafeError && error.code === 'SAFE_SIGNER_NOT_OWNER',
    )

    const collected = await collectSafeSignatures({ safe, transactions: viaEthers.map((s) => s.transaction) })
    const executed = await executeSafeTransaction({ safe, publicClient: provider, transaction: collected })
    assert.equal(executed.safeTxHash, safeTxHash)
    assert.equal(executed.receipt.status, 'success')
    assert.equal(await publicClient.getBalance({ address: recipient }), value)
    assert.equal(await publicClient.getBalance({ address: safeAddress }), parseEther('2') - value)
  })

  it('a Safe connected through an ethers provider with an ethers Wallet executor executes as well', async () => {
    const { publicClient, walletClient } = devnet
    // the executor pays the gas: fund it
    await publicClient.waitForTransactionReceipt({
      hash: await walletClient.sendTransaction({
        to: (owners[2] as Wallet).address as Address,
        value: parseEther('1'),
      }),
    })
    const connected = await connectSafe({
      provider,
      safeAddress,
      contractNetworks: safeContractNetworks({ chainId: devnet.network.chainId, contracts }),
      executor: owners[2] as Wallet,
    })
    const before = await publicClient.getBalance({ address: recipient })
    const { transaction } = await proposeSafeTransaction({
      safe: connected,
      calls: [{ to: recipient, value: 5n, data: '0x' }],
    })
    const signed = await signSafeTransaction({ safe: connected, transaction, signer: owners[2] as Wallet })
    const second = await signSafeTransaction({
      safe: connected,
      transaction: signed.transaction,
      signer: owners[0] as Wallet,
    })
    const executed = await executeSafeTransaction({
      safe: connected,
      publicClient: provider,
      transaction: second.transaction,
    })
    const receipt = await publicClient.getTransactionReceipt({ hash: executed.hash })
    assert.equal(receipt.from, (owners[2] as Wallet).address.toLowerCase())
    assert.equal(await publicClient.getBalance({ address: recipient }), before + 5n)
  })

  it('creates a split and routes the Safe rewards to it with ethers signers, to the wei', async () => {
    const { publicClient, walletClient } = devnet
    const artifact = await hre.artifacts.readArtifact('PushSplitFactoryDouble')
    const deployHash = await walletClient.deployContract({ abi: artifact.abi, bytecode: artifact.bytecode as Hex })
    const splitFactory = (await publicClient.waitForTransactionReceipt({ hash: deployHash })).contractAddress
    assert.ok(splitFactory)
    const params = buildSplitV2Params({
      recipients: [
        { address: teamPool, allocation: 3n },
        { address: payout, allocation: 1n },
      ],
    })
    const created = await createSplit({
      publicClient: provider,
      walletClient: faucet,
      factory: splitFactory,
      split: params,
      owner: safeAddress,
    })
    split = { address: created.address, params }
    assert.deepEqual(await getSplitV2Params({ publicClient: provider, split: created.address }), params)
    assert.deepEqual(
      await getSplitV2Params({ publicClient: provider, split: created.address }),
      await getSplitV2Params({ publicClient, split: created.address }),
    )

    const held = await publicClient.getBalance({ address: safeAddress })
    const routed = await routeRewards({
      safe,
      publicClient: provider,
      split,
      signers: [owners[1] as Wallet, owners[2] as Wallet],
    })
    assert.equal(routed.amount, held)
    // 3:1 of what the Safe held, floored; the remainder stays in the split.
    assert.equal(await publicClient.getBalance({ address: teamPool }), (held * 3n) / 4n)
    assert.equal(await publicClient.getBalance({ address: payout }), held / 4n)
    assert.equal(await publicClient.getBalance({ address: split.address }), held - (held * 3n) / 4n - held / 4n)
    assert.equal(await publicClient.getBalance({ address: safeAddress }), 0n)
  })

  it('distributes a split from an ethers Wallet keeper; a JsonRpcSigner is refused before anything is sent', async () => {
    const { publicClient, walletClient } = devnet
    const start = await Promise.all([teamPool, payout].map((address) => publicClient.getBalance({ address })))
    const leftover = await publicClient.getBalance({ address: split.address })
    await publicClient.waitForTransactionReceipt({
      hash: await walletClient.sendTransaction({ to: split.address, value: 4001n }),
    })
    const funded = leftover + 4001n

    const refused = new JsonRpcSigner(provider, faucet.address)
    const nonce = await publicClient.getTransactionCount({ address: faucet.address as Address })
    await assert.rejects(
      distributeSplit({
        publicClient: provider,
        walletClient: refused,
        split: split.address,
        params: split.params,
        token: splitsNativeToken,
        distributor: keeper,
        amount: funded,
      }),
      (error: unknown) =>
        (error as { walk?: (p: (e: unknown) => boolean) => unknown }).walk?.(
          (e) => e instanceof EthersAdapterError && e.code === 'ETHERS_SIGN_TRANSACTION_UNSUPPORTED',
        ) !== undefined,
    )
    assert.equal(await publicClient.getTransactionCount({ address: faucet.address as Address }), nonce)

    const keeperWallet = new Wallet(key('keeper-funds'), provider)
    await publicClient.waitForTransactionReceipt({
      hash: await walletClient.sendTransaction({ to: keeperWallet.address as Address, value: parseEther('1') }),
    })
    const hash = await distributeSplit({
      publicClient: provider,
      walletClient: keeperWallet,
      split: split.address,
      params: split.params,
      token: splitsNativeToken,
      distributor: keeper,
      amount: funded,
    })
    const receipt = await publicClient.getTransactionReceipt({ hash })
    assert.equal(receipt.from, keeperWallet.address.toLowerCase())
    const end = await Promise.all([teamPool, payout].map((address) => publicClient.getBalance({ address })))
    assert.equal((end[0] as bigint) - (start[0] as bigint), (funded * 3n) / 4n)
    assert.equal((end[1] as bigint) - (start[1] as bigint), funded / 4n)
  })
})
