import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type SafeDevnet, startSafeDevnet } from '@chainops/testkit'
import { safeV141Contracts } from '@chainops/treasury'
import hre from 'hardhat'
import { type Hex, keccak256, parseEther } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { chainops } from './support/chainops.ts'

// BIP-39 vector english[1] of trezor/python-mnemonic vectors.json (../shared/vectors/bip39/vectors.json
// beside the repository) holds the tier-A owners on the Trezor double; "TREZOR" is the vectors' passphrase.
const bip39 = JSON.parse(
  readFileSync(new URL('../../../../shared/vectors/bip39/vectors.json', import.meta.url), 'utf8'),
) as { english: string[][] }
const MNEMONIC = bip39.english[1]?.[1] as string

// Public-label test keys (recomputable by anyone, never holding value).
const key = (label: string): Hex => keccak256(new TextEncoder().encode(`chainops-test-cli-treasury-${label}`))
const sealerKey = key('sealer')
const faucetKey = key('faucet')
const owner3Key = key('owner-3')
const recipient = privateKeyToAccount(key('recipient')).address
const teamPool = privateKeyToAccount(key('team-pool')).address
const payout1 = privateKeyToAccount(key('payout-1')).address
const payout2 = privateKeyToAccount(key('payout-2')).address

describe('chainops safe and splits on a real geth v1.13.15 Clique devnet @integration', () => {
  let devnet: SafeDevnet | undefined
  let dir: string
  let safeAddress: `0x${string}` | undefined

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'chainops-cli-safe-'))
  })
  after(async () => {
    await devnet?.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('deploy -> create 2-of-3 -> propose -> sign (Trezor double, then a key) -> execute pays the recipient to the wei; one signature exits 1', async function () {
    this.timeout(300_000)
    // The singleton factory's presigned deployment does not cover chain 2789: it is a genesis predeploy.
    devnet = await startSafeDevnet({ sealerKeys: [sealerKey], faucetKey, label: 'cli-safe' })
    const { rpcUrl: rpc, publicClient, walletClient: wallet } = devnet

    const secret = (name: string, content: string) => {
      const path = join(dir, name)
      writeFileSync(path, content, { mode: 0o600 })
      return path
    }
    const faucetFile = secret('faucet.key', `${faucetKey}\n`)
    const owner3File = secret('owner3.key', `${owner3Key}\n`)
    const mnemonicFile = secret('mnemonic', `${MNEMONIC}\n`)
    const passphrasesFile = secret('passphrases.json', JSON.stringify({ MasterAdminVault: 'TREZOR' }))
    const txFile = join(dir, 'tx.json')

    const roles = await chainops([
      'treasury',
      'addresses',
      '--mnemonic-file',
      mnemonicFile,
      '--passphrases-file',
      passphrasesFile,
      '--json',
    ])
    assert.equal(roles.code, 0, roles.stderr)
    const tierA = (JSON.parse(roles.stdout) as { tier: string; role: string; address: string }[]).filter(
      (r) => r.tier === 'MasterAdminVault',
    )
    const owner1 = tierA.find((r) => r.role === 'SafeOwner1')?.address
    const owner2 = tierA.find((r) => r.role === 'SafeOwner2')?.address
    const owner3 = privateKeyToAccount(owner3Key).address
    assert.ok(owner1 && owner2)

    const deploy = await chainops(['safe', 'deploy', '--rpc', rpc, '--key-file', faucetFile, '--json'])
    assert.equal(deploy.code, 0, deploy.stderr)
    const deployed = JSON.parse(deploy.stdout)
    assert.deepEqual(
      deployed.deployed,
      safeV141Contracts.map((c) => c.name),
    )
    for (const contract of safeV141Contracts) assert.equal(deployed.contracts[contract.name], contract.address)
    const again = await chainops(['safe', 'deploy', '--rpc', rpc, '--key-file', faucetFile, '--json'])
    assert.deepEqual(JSON.parse(again.stdout).deployed, [])

    const create = await chainops([
      'safe',
      'create',
      '--rpc',
      rpc,
      '--key-file',
      faucetFile,
      '--owners',
      `${owner1},${owner2},${owner3}`,
      '--threshold',
      '2',
      '--json',
    ])
    assert.equal(create.code, 0, create.stderr)
    const safe = JSON.parse(create.stdout) as { address: `0x${string}`; threshold: number; owners: string[] }
    assert.equal(safe.threshold, 2)
    safeAddress = safe.address
    assert.deepEqual(safe.owners, [owner1, owner2, owner3])
    await publicClient.waitForTransactionReceipt({
      hash: await wallet.sendTransaction({ to: safe.address, value: parseEther('3') }),
    })

    const value = 1_234_567_890_123_456_789n
    const propose = await chainops([
      'safe',
      'propose',
      '--rpc',
      rpc,
      '--safe',
      safe.address,
      '--to',
      recipient,
      '--value',
      value.toString(),
      '--out',
      txFile,
    ])
    assert.equal(propose.code, 0, propose.stderr)
    const proposed = JSON.parse(readFileSync(txFile, 'utf8'))
    assert.equal(proposed.transaction.value, value.toString())
    assert.deepEqual(proposed.signatures, [])
    assert.match(propose.stdout, new RegExp(`proposed ${proposed.safeTxHash} .*nonce 0`))

    const byTrezor = await chainops([
      'safe',
      'sign',
      txFile,
      '--rpc',
      rpc,
      '--trezor-double-mnemonic-file',
      mnemonicFile,
      '--passphrases-file',
      passphrasesFile,
      '--tier',
      'MasterAdminVault',
      '--path',
      "m/44'/60'/0'/0/0",
    ])
    assert.equal(byTrezor.code, 0, byTrezor.stderr)
    assert.match(byTrezor.stdout, new RegExp(`as ${owner1}: 1 of 2`))
    assert.deepEqual(
      JSON.parse(readFileSync(txFile, 'utf8')).signatures.map((s: { signer: string }) => s.signer),
      [owner1],
    )

    const early = await chainops(['safe', 'execute', txFile, '--rpc', rpc, '--key-file', faucetFile])
    assert.equal(early.code, 1)
    assert.match(early.stderr, /1 of the 2 owner signatures this Safe needs \[SAFE_THRESHOLD_NOT_MET\]/)
    assert.equal(await publicClient.getBalance({ address: recipient }), 0n)

    const byKey = await chainops(['safe', 'sign', txFile, '--rpc', rpc, '--key-file', owner3File])
    assert.equal(byKey.code, 0, byKey.stderr)
    assert.match(byKey.stdout, new RegExp(`as ${owner3}: 2 of 2`))

    const execute = await chainops(['safe', 'execute', txFile, '--rpc', rpc, '--key-file', faucetFile, '--json'])
    assert.equal(execute.code, 0, execute.stderr)
    const executed = JSON.parse(execute.stdout)
    assert.equal(executed.safeTxHash, proposed.safeTxHash)
    assert.equal(await publicClient.getBalance({ address: recipient }), value)
    assert.equal(await publicClient.getBalance({ address: safe.address }), parseEther('3') - value)

    // The same file again: the Safe's nonce moved on, so it cannot pay twice.
    const replay = await chainops(['safe', 'execute', txFile, '--rpc', rpc, '--key-file', faucetFile])
    assert.equal(replay.code, 1)
    assert.equal(await publicClient.getBalance({ address: recipient }), value)
    for (const output of [roles, byTrezor, byKey, early, execute, replay]) {
      assert.ok(!(output.stdout + output.stderr).includes(MNEMONIC.split(' ').slice(0, 3).join(' ')))
      assert.ok(!(output.stdout + output.stderr).includes('TREZOR'))
      assert.ok(!(output.stdout + output.stderr).includes(faucetKey.slice(2)))
    }
  })

  it('splits create (controller: the Safe) and distribute pay the team pool and two payouts to the wei', async function () {
    this.timeout(120_000)
    assert.ok(devnet)
    const { rpcUrl: rpc, publicClient, walletClient: wallet } = devnet
    const faucetFile = join(dir, 'faucet.key')
    const artifact = await hre.artifacts.readArtifact('PushSplitFactoryDouble')
    const factory = (
      await publicClient.waitForTransactionReceipt({
        hash: await wallet.deployContract({ abi: artifact.abi, bytecode: artifact.bytecode as Hex }),
      })
    ).contractAddress
    assert.ok(factory)
    const controller = safeAddress
    assert.ok(controller)

    const create = await chainops([
      'splits',
      'create',
      '--rpc',
      rpc,
      '--key-file',
      faucetFile,
      '--factory',
      factory,
      '--owner',
      controller,
      '--recipients',
      `${teamPool}=500000,${payout1}=300000,${payout2}=200000`,
      '--json',
    ])
    assert.equal(create.code, 0, create.stderr)
    const split = JSON.parse(create.stdout).address as `0x${string}`
    await publicClient.waitForTransactionReceipt({
      hash: await wallet.sendTransaction({ to: split, value: parseEther('1') + 11n }),
    })

    const distribute = await chainops([
      'splits',
      'distribute',
      '--rpc',
      rpc,
      '--key-file',
      faucetFile,
      '--split',
      split,
      '--json',
    ])
    assert.equal(distribute.code, 0, distribute.stderr)
    // 1 ETH + 11 wei, one wei stays in the split: 1 ETH + 10 wei over 50% / 30% / 20%.
    assert.equal(JSON.parse(distribute.stdout).amount, (parseEther('1') + 10n).toString())
    assert.equal(await publicClient.getBalance({ address: teamPool }), parseEther('0.5') + 5n)
    assert.equal(await publicClient.getBalance({ address: payout1 }), parseEther('0.3') + 3n)
    assert.equal(await publicClient.getBalance({ address: payout2 }), parseEther('0.2') + 2n)
    assert.equal(await publicClient.getBalance({ address: split }), 1n)

    const notASplit = await chainops([
      'splits',
      'distribute',
      '--rpc',
      rpc,
      '--key-file',
      faucetFile,
      '--split',
      teamPool,
    ])
    assert.equal(notASplit.code, 1)
    assert.match(notASplit.stderr, /\[SPLITS_SPLIT_NOT_FOUND\]/)
  })
})
