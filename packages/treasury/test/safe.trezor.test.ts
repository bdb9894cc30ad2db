import assert from 'node:assert/strict'
import { TrezorConnectDouble } from '@chainops/treasury/testing'
import hre from 'hardhat'
import { parseEther } from 'viem'
import { deriveLayout } from '../src/derive/deriveLayout.ts'
import { defaultLayout } from '../src/layout/defaultLayout.ts'
import { createRewardSafe } from '../src/safe/createRewardSafe.ts'
import { deploySafeContracts } from '../src/safe/deploySafeContracts.ts'
import { executeSafeTransaction } from '../src/safe/executeSafeTransaction.ts'
import { fromSafeTransactionFile } from '../src/safe/fromSafeTransactionFile.ts'
import { placeSafeSingletonFactory } from '../src/safe/placeSafeSingletonFactory.ts'
import { proposeSafeTransaction } from '../src/safe/proposeSafeTransaction.ts'
import { SafeError } from '../src/safe/SafeError.ts'
import { signSafeTransaction } from '../src/safe/signSafeTransaction.ts'
import { toSafeTransactionFile } from '../src/safe/toSafeTransactionFile.ts'
import { trezorSafeOwnerSigner } from '../src/safe/trezorSafeOwnerSigner.ts'
import { bip39SeedSource } from '../src/seeds/bip39/bip39SeedSource.ts'
import { createTrezorSigner } from '../src/trezor/createTrezorSigner.ts'

// BIP-39 vector 0 of trezor/python-mnemonic vectors.json (../shared/vectors/bip39/vectors.json), the seed the
// double holds; the tier-A passphrase is a test value.
const MNEMONIC = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about'
const TIER_A_PASSPHRASE = 'chainops-test-tier-a'

function rejectsWith(code: string) {
  return (error: unknown) => {
    assert.ok(error instanceof SafeError, `expected a SafeError, got ${String(error)}`)
    assert.equal(error.code, code)
    return true
  }
}

describe('Safe transactions signed by the Trezor signer over TrezorConnectDouble on the Hardhat clique network @integration', () => {
  let connection: Awaited<ReturnType<typeof hre.network.create>>

  before(async () => {
    connection = await hre.network.create({ network: 'clique' })
  })
  after(async () => {
    await connection?.close()
  })

  it('executes a 2-of-3 transfer whose two signatures come from the device (tier A passphrase), to the wei', async () => {
    const publicClient = await connection.viem.getPublicClient()
    const [funder, executor] = await connection.viem.getWalletClients()
    assert.ok(funder && executor)
    await placeSafeSingletonFactory({ testClient: await connection.viem.getTestClient() })
    const { contracts } = await deploySafeContracts({ publicClient, walletClient: funder })

    const layout = defaultLayout()
    const seed = bip39SeedSource(MNEMONIC)
    const expected = deriveLayout(seed, layout, { MasterAdminVault: TIER_A_PASSPHRASE }).filter(
      (role) => role.tier === 'MasterAdminVault' && role.role.startsWith('SafeOwner'),
    )
    assert.deepEqual(
      expected.map((role) => role.path),
      ["m/44'/60'/0'/0/0", "m/44'/60'/0'/0/1", "m/44'/60'/0'/0/2"],
    )

    const device = new TrezorConnectDouble({ seed })
    const asked: string[] = []
    const trezor = createTrezorSigner({
      connect: device,
      layout,
      passphrase: (tier) => {
        asked.push(tier)
        return tier === 'MasterAdminVault' ? TIER_A_PASSPHRASE : ''
      },
    })
    const owner1 = await trezorSafeOwnerSigner(trezor, { tier: 'MasterAdminVault', path: "m/44'/60'/0'/0/0" })
    const owner3 = await trezorSafeOwnerSigner(trezor, { tier: 'MasterAdminVault', path: "m/44'/60'/0'/0/2" })
    assert.equal(owner1.address, expected[0]?.address)
    assert.equal(owner3.address, expected[2]?.address)
    assert.equal(owner3.role, 'SafeOwner3')

    const { address, safe } = await createRewardSafe({
      provider: connection.provider,
      publicClient,
      walletClient: funder,
      contracts,
      executor: { address: executor.account.address },
      owners: expected.map((role) => role.address),
      threshold: 2,
    })
    await publicClient.waitForTransactionReceipt({
      hash: await funder.sendTransaction({ to: address, value: parseEther('5') }),
    })
    const recipient = '0x000000000000000000000000000000000000bEEF'
    const amount = parseEther('1.25') + 7n
    const { transaction, safeTxHash } = await proposeSafeTransaction({
      safe,
      calls: [{ to: recipient, value: amount, data: '0x' }],
    })

    const byOwner1 = await signSafeTransaction({ safe, transaction, signer: owner1 })
    assert.equal(byOwner1.safeTxHash, safeTxHash)
    await assert.rejects(
      executeSafeTransaction({ safe, publicClient, transaction: byOwner1.transaction }),
      rejectsWith('SAFE_THRESHOLD_NOT_MET'),
    )
    // The second owner signs a copy that travelled as a file, as `chainops safe sign` does.
    const travelled = fromSafeTransactionFile(
      JSON.stringify(toSafeTransactionFile({ chainId: 2789, safeAddress: address, transaction: byOwner1.transaction })),
    )
    const byBoth = await signSafeTransaction({ safe, transaction: travelled.transaction, signer: owner3 })
    assert.equal(byBoth.transaction.signatures.size, 2)

    const before = await publicClient.getBalance({ address: recipient })
    const executed = await executeSafeTransaction({ safe, publicClient, transaction: byBoth.transaction })
    assert.equal(executed.safeTxHash, safeTxHash)
    assert.equal((await publicClient.getBalance({ address: recipient })) - before, amount)
    assert.equal(await publicClient.getBalance({ address }), parseEther('5') - amount)

    // Every signature was made on the device, on tier A's instance, at the owners' paths; the
    // passphrase was asked once, for that tier only.
    const signing = device.calls.filter((call) => call.method === 'ethereumSignTypedData')
    assert.deepEqual(signing, [
      { method: 'ethereumSignTypedData', instance: 1, paths: ["m/44'/60'/0'/0/0"] },
      { method: 'ethereumSignTypedData', instance: 1, paths: ["m/44'/60'/0'/0/2"] },
    ])
    assert.deepEqual(asked, ['MasterAdminVault'])
    trezor.close()
  })

  it('refuses a device opened with another passphrase (its owner-path key is no owner) before it signs', async () => {
    const publicClient = await connection.viem.getPublicClient()
    const [funder, executor] = await connection.viem.getWalletClients()
    assert.ok(funder && executor)
    const { contracts } = await deploySafeContracts({ publicClient, walletClient: funder })
    const layout = defaultLayout()
    const seed = bip39SeedSource(MNEMONIC)
    const owners = deriveLayout(seed, layout, { MasterAdminVault: TIER_A_PASSPHRASE })
      .filter((role) => role.tier === 'MasterAdminVault' && role.role.startsWith('SafeOwner'))
      .map((role) => role.address)
    const { safe } = await createRewardSafe({
      provider: connection.provider,
      publicClient,
      walletClient: funder,
      contracts,
      executor: { address: executor.account.address },
      owners,
      threshold: 2,
      saltNonce: 1n,
    })
    const device = new TrezorConnectDouble({ seed })
    const wrong = createTrezorSigner({ connect: device, layout, passphrase: () => 'not the tier A passphrase' })
    const signer = await trezorSafeOwnerSigner(wrong, { tier: 'MasterAdminVault', path: "m/44'/60'/0'/0/0" })
    assert.ok(!owners.includes(signer.address))
    const { transaction } = await proposeSafeTransaction({
      safe,
      calls: [{ to: '0x000000000000000000000000000000000000bEEF', value: 1n, data: '0x' }],
    })
    await assert.rejects(signSafeTransaction({ safe, transaction, signer }), rejectsWith('SAFE_SIGNER_NOT_OWNER'))
    assert.equal(device.calls.filter((call) => call.method === 'ethereumSignTypedData').length, 0)
    wrong.close()
  })
})
