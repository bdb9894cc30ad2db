import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import hre from 'hardhat'
import { getContractAddress, type Hex, keccak256, parseEther } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { collectSafeSignatures } from '../src/safe/collectSafeSignatures.ts'
import { connectSafe } from '../src/safe/connectSafe.ts'
import { createRewardSafe } from '../src/safe/createRewardSafe.ts'
import { deploySafeContracts } from '../src/safe/deploySafeContracts.ts'
import { executeSafeTransaction } from '../src/safe/executeSafeTransaction.ts'
import { loadSafeSingletonFactory } from '../src/safe/loadSafeSingletonFactory.ts'
import { placeSafeSingletonFactory } from '../src/safe/placeSafeSingletonFactory.ts'
import { proposeSafeTransaction } from '../src/safe/proposeSafeTransaction.ts'
import { SafeError } from '../src/safe/SafeError.ts'
import { safeContractNetworks } from '../src/safe/safeContractNetworks.ts'
import { safeV141Contracts } from '../src/safe/safeV141Contracts.ts'
import { signSafeTransaction } from '../src/safe/signSafeTransaction.ts'

const require = createRequire(import.meta.url)

// Test owner keys from public labels: anyone can recompute them, they never hold value.
const ownerKey = (label: string): Hex => keccak256(new TextEncoder().encode(`chainops-test-safe-owner-${label}`))
const owners = ['a', 'b', 'c'].map((label) => privateKeyToAccount(ownerKey(label)))
const outsider = privateKeyToAccount(ownerKey('outsider'))

function rejectsWith(code: string) {
  return (error: unknown) => {
    assert.ok(error instanceof SafeError, `expected a SafeError, got ${String(error)}`)
    assert.equal(error.code, code)
    return true
  }
}

describe('Safe v1.4.1 on the Hardhat clique network @integration', () => {
  let connection: Awaited<ReturnType<typeof hre.network.create>>
  let contracts: Awaited<ReturnType<typeof deploySafeContracts>>['contracts']

  before(async () => {
    connection = await hre.network.create({ network: 'clique' })
  })
  after(async () => {
    await connection?.close()
  })

  it('reads the singleton factory from the signed mainnet deployment: signer, nonce-0 address, runtime', async () => {
    const factory = await loadSafeSingletonFactory()
    assert.equal(factory.address, '0x914d7Fec6aaC8cd542e72Bca78B30650d45643d7')
    assert.equal(factory.deployer, '0xE1CB04A0fA36DdD16a06ea828007E35e1a3cBC37')
    assert.equal(getContractAddress({ from: factory.deployer, nonce: 0n }), factory.address)
    assert.equal(
      factory.runtimeCode,
      '0x7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe03601600081602082378035828234f58015156039578182fd5b8082525050506014600cf3',
    )
    // Independent check: executing the init code on the EVM returns exactly this runtime.
    const publicClient = await connection.viem.getPublicClient()
    const { data } = await publicClient.call({ data: factory.initCode })
    assert.equal(data, factory.runtimeCode)
  })

  it('deploys all nine contracts through the factory at their canonical addresses with canonical code hashes', async () => {
    const publicClient = await connection.viem.getPublicClient()
    const [deployer] = await connection.viem.getWalletClients()
    assert.ok(deployer)
    await assert.rejects(
      deploySafeContracts({ publicClient, walletClient: deployer }),
      rejectsWith('SAFE_FACTORY_MISSING'),
    )

    const testClient = await connection.viem.getTestClient()
    await placeSafeSingletonFactory({ testClient })
    const first = await deploySafeContracts({ publicClient, walletClient: deployer })
    contracts = first.contracts
    assert.deepEqual(
      [...first.deployed],
      safeV141Contracts.map(({ name }) => name),
    )

    // The table agrees with @safe-global/safe-deployments (the registry protocol-kit reads).
    const deploymentsRequire = createRequire(require.resolve('@safe-global/protocol-kit'))
    const files: Record<string, string> = {
      Safe: 'safe',
      SafeL2: 'safe_l2',
      SafeProxyFactory: 'safe_proxy_factory',
      MultiSend: 'multi_send',
      MultiSendCallOnly: 'multi_send_call_only',
      CompatibilityFallbackHandler: 'compatibility_fallback_handler',
      SignMessageLib: 'sign_message_lib',
      CreateCall: 'create_call',
      SimulateTxAccessor: 'simulate_tx_accessor',
    }
    for (const contract of safeV141Contracts) {
      const asset = deploymentsRequire(
        `@safe-global/safe-deployments/dist/assets/v1.4.1/${files[contract.name]}.json`,
      ) as {
        deployments: { canonical: { address: string; codeHash: string } }
      }
      assert.equal(contract.address, asset.deployments.canonical.address)
      assert.equal(contract.codeHash, asset.deployments.canonical.codeHash)
      const code = await publicClient.getCode({ address: contract.address })
      assert.ok(code)
      assert.equal(keccak256(code), contract.codeHash, contract.name)
    }

    // Idempotent: a second run deploys nothing and checks the same.
    const again = await deploySafeContracts({ publicClient, walletClient: deployer })
    assert.deepEqual(again.deployed, [])
    assert.deepEqual(again.contracts, contracts)
  })

  it('creates a 2-of-3 Safe, executes with two owner signatures, refuses a non-owner and one signature', async () => {
    const publicClient = await connection.viem.getPublicClient()
    const [funder, executor] = await connection.viem.getWalletClients()
    assert.ok(funder && executor)
    const contractNetworks = safeContractNetworks({ chainId: 2789, contracts })
    const { address, safe } = await createRewardSafe({
      provider: connection.provider,
      publicClient,
      walletClient: funder,
      contracts,
      executor: { address: executor.account.address },
      owners: owners.map(({ address }) => address),
      threshold: 2,
      saltNonce: 1n,
    })
    assert.equal(await safe.getThreshold(), 2)
    assert.deepEqual(
      (await safe.getOwners()).map((o: string) => o.toLowerCase()).sort(),
      owners.map(({ address }) => address.toLowerCase()).sort(),
    )
    const funding = await funder.sendTransaction({ to: address, value: parseEther('3') })
    await publicClient.waitForTransactionReceipt({ hash: funding })

    const recipient = privateKeyToAccount(ownerKey('recipient')).address
    const { transaction, safeTxHash } = await proposeSafeTransaction({
      safe,
      calls: [{ to: recipient, value: parseEther('1'), data: '0x' }],
    })

    await assert.rejects(
      signSafeTransaction({ safe, transaction, signer: outsider }),
      rejectsWith('SAFE_SIGNER_NOT_OWNER'),
    )

    const byA = await signSafeTransaction({ safe, transaction, signer: owners[0]! })
    assert.equal(byA.safeTxHash, safeTxHash)
    await assert.rejects(
      executeSafeTransaction({ safe, publicClient, transaction: byA.transaction }),
      rejectsWith('SAFE_THRESHOLD_NOT_MET'),
    )
    // The chain refuses it too: execTransaction with one of two signatures reverts with GS020.
    const encoded = (await safe.getEncodedTransaction(byA.transaction)) as Hex
    await assert.rejects(publicClient.call({ account: executor.account.address, to: address, data: encoded }), /GS020/)

    // A forged signature slipped in for a non-owner is refused before sending.
    const forged = await safe.copyTransaction(byA.transaction)
    const outsiderSigned = await outsider.signTypedData({
      domain: { chainId: 2789, verifyingContract: address },
      types: { Any: [{ name: 'x', type: 'uint256' }] },
      primaryType: 'Any',
      message: { x: 1n },
    })
    const { EthSafeSignature } = await import('@safe-global/protocol-kit')
    forged.addSignature(new EthSafeSignature(outsider.address, outsiderSigned))
    await assert.rejects(
      executeSafeTransaction({ safe, publicClient, transaction: forged }),
      rejectsWith('SAFE_SIGNER_NOT_OWNER'),
    )

    // An owner's name on another owner's signature (a Trezor opened with the wrong passphrase
    // signs with the wrong key) does not pass either.
    const misattributed = await safe.copyTransaction(transaction)
    misattributed.addSignature(
      new EthSafeSignature(owners[1]!.address, byA.transaction.getSignature(owners[0]!.address)!.data),
    )
    misattributed.addSignature(byA.transaction.getSignature(owners[0]!.address)!)
    await assert.rejects(
      executeSafeTransaction({ safe, publicClient, transaction: misattributed }),
      rejectsWith('SAFE_SIGNATURE_MISMATCH'),
    )

    const byC = await signSafeTransaction({ safe, transaction, signer: owners[2]! })
    const collected = await collectSafeSignatures({ safe, transactions: [byA.transaction, byC.transaction] })
    assert.equal(collected.signatures.size, 2)

    const before = await publicClient.getBalance({ address: recipient })
    const executed = await executeSafeTransaction({ safe, publicClient, transaction: collected })
    assert.equal(executed.safeTxHash, safeTxHash)
    assert.equal((await publicClient.getBalance({ address: recipient })) - before, parseEther('1'))
    assert.equal(await publicClient.getBalance({ address }), parseEther('2'))

    // The same Safe found again from its address.
    const again = await connectSafe({ provider: connection.provider, safeAddress: address, contractNetworks })
    assert.equal(await again.getNonce(), 1)
  })
})
