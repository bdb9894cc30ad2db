import assert from 'node:assert/strict'
import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Secret } from '@chainops/core'
import { buildKeyShares, encodeOperatorKey, registerOperatorCall } from '@chainops/dvt'
import { type SafeDevnet, startSafeDevnet } from '@chainops/testkit'
import hre from 'hardhat'
import { type Abi, bytesToHex, getAddress, type Hex, keccak256, parseEther, toHex } from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { type ChainopsResult, chainops as runChainops } from './support/chainops.ts'

// The BIP-39 test vector mnemonic (public: its keys hold value nowhere). The owner is its
// DVTNodeKeys role SSVCluster1Operator1, m/44'/60'/0'/0/0 of tier C with the empty passphrase.
const MNEMONIC = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about'
const OWNER_PATH = "m/44'/60'/0'/0/0"
const owner = mnemonicToAccount(MNEMONIC, { path: OWNER_PATH })
const ownerKey = bytesToHex(owner.getHdKey().privateKey as Uint8Array)

// Public-label test keys (recomputable by anyone, never holding value).
const key = (label: string): Hex => keccak256(new TextEncoder().encode(`chainops-test-cli-ssv-registration-${label}`))
// A BLS secret key below the curve order r (0x73ed…): a label's keccak with its top byte set to 0x01.
const validatorSecret = (label: string) => {
  const bytes = keccak256(toHex(`chainops-test-cli-ssv-validator-${label}`), 'bytes')
  bytes[0] = 0x01
  return new Secret(bytes)
}

/** Everything any run printed, to prove afterwards that no key or mnemonic was among it. */
const runs: ChainopsResult[] = []
async function chainops(args: string[]): Promise<ChainopsResult> {
  const run = await runChainops(args)
  runs.push(run)
  return run
}

describe('chainops ssv register, cluster and nonce on SSVNetworkDouble, real geth v1.13.15 Clique devnet @integration', () => {
  let devnet: SafeDevnet | undefined
  let dir: string

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'chainops-cli-ssv-'))
  })
  after(async () => {
    await devnet?.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('registers one validator (mnemonic + tier path) and two in bulk (key file), refuses a stale file sending nothing, reads nonce and cluster back; no key or mnemonic in any output', async function () {
    this.timeout(300_000)
    devnet = await startSafeDevnet({ sealerKeys: [key('sealer')], faucetKey: key('faucet'), label: 'cli-ssv' })
    const { rpcUrl: rpc, publicClient, walletClient: faucet } = devnet
    const wait = async (hash: Hex) =>
      assert.equal((await publicClient.waitForTransactionReceipt({ hash })).status, 'success')

    const tokenArtifact = await hre.artifacts.readArtifact('SSVTokenDouble')
    const networkArtifact = await hre.artifacts.readArtifact('SSVNetworkDouble')
    const deploy = async (abi: Abi, bytecode: Hex, args: readonly unknown[]) => {
      const receipt = await publicClient.waitForTransactionReceipt({
        hash: await faucet.deployContract({ abi, bytecode, args }),
      })
      assert.ok(receipt.contractAddress)
      return receipt.contractAddress
    }
    const token = await deploy(tokenArtifact.abi as Abi, tokenArtifact.bytecode as Hex, [])
    const contract = await deploy(networkArtifact.abi as Abi, networkArtifact.bytecode as Hex, [token])
    await wait(await faucet.sendTransaction({ to: owner.address, value: parseEther('10') }))
    await wait(
      await faucet.writeContract({
        address: token,
        abi: tokenArtifact.abi as Abi,
        functionName: 'mint',
        args: [owner.address, parseEther('100')],
      }),
    )
    const operators: { id: number; operatorKey: string }[] = []
    for (let id = 1; id <= 4; id++) {
      const operatorKey = encodeOperatorKey(generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey)
      const call = registerOperatorCall({ contract, publicKey: toHex(operatorKey), fee: 0n })
      await wait(await faucet.sendTransaction({ to: call.to, data: call.data }))
      operators.push({ id, operatorKey })
    }

    const secret = (name: string, content: string) => {
      const path = join(dir, name)
      writeFileSync(path, content, { mode: 0o600 })
      return path
    }
    const mnemonicFile = secret('mnemonic', `${MNEMONIC}\n`)
    const keyFile = secret('owner.key', `${ownerKey}\n`)
    const sharesFile = (name: string, labels: string[], ownerNonce: number) => {
      const path = join(dir, name)
      const file = buildKeyShares({
        validators: labels.map((label) => ({ secret: validatorSecret(label) })),
        operators,
        ownerAddress: owner.address,
        ownerNonce,
      })
      writeFileSync(path, JSON.stringify(file, null, 2))
      return path
    }
    const chainArgs = ['--rpc', rpc, '--contract', contract]

    const nonce0 = await chainops(['ssv', 'nonce', ...chainArgs, '--owner', owner.address])
    assert.equal(nonce0.code, 0, nonce0.stderr)
    assert.equal(nonce0.stdout.trim(), '0')

    const one = await chainops([
      'ssv',
      'register',
      sharesFile('one.json', ['a'], 0),
      ...chainArgs,
      '--mnemonic-file',
      mnemonicFile,
      '--tier-path',
      OWNER_PATH,
      '--amount',
      '10',
      '--token',
      token,
      '--json',
    ])
    assert.equal(one.code, 0, one.stderr)
    const registered = JSON.parse(one.stdout)
    assert.equal(registered.owner, owner.address)
    assert.equal(registered.nextOwnerNonce, 1)
    assert.ok(registered.approvalTransactionHash)
    assert.deepEqual(registered.cluster, {
      validatorCount: 1,
      networkFeeIndex: '0',
      index: '0',
      active: true,
      balance: '10000000000000000000',
    })
    assert.match(one.stderr, /signing as SSVCluster1Operator1/)

    const bulk = await chainops([
      'ssv',
      'register',
      sharesFile('bulk.json', ['b', 'c'], 1),
      ...chainArgs,
      '--key-file',
      keyFile,
      '--amount',
      '0.5',
      '--token',
      token,
    ])
    assert.equal(bulk.code, 0, bulk.stderr)
    assert.match(bulk.stdout, /^registered 2 validator\(s\) for 0x/)
    assert.match(bulk.stdout, /next owner nonce 3/)

    const sentBefore = await publicClient.getTransactionCount({ address: owner.address })
    const stale = await chainops([
      'ssv',
      'register',
      sharesFile('stale.json', ['d'], 1),
      ...chainArgs,
      '--key-file',
      keyFile,
      '--token',
      token,
    ])
    assert.equal(stale.code, 1)
    assert.match(stale.stderr, /SSV_REGISTRATION_STALE_NONCE/)
    assert.match(stale.stderr, /expected 3, found 1/)
    assert.equal(await publicClient.getTransactionCount({ address: owner.address }), sentBefore, 'nothing sent')

    const nonce = await chainops(['ssv', 'nonce', ...chainArgs, '--owner', owner.address, '--json'])
    assert.equal(nonce.code, 0, nonce.stderr)
    assert.deepEqual(JSON.parse(nonce.stdout), { owner: owner.address, contract: getAddress(contract), nonce: 3 })
    const cluster = await chainops([
      'ssv',
      'cluster',
      ...chainArgs,
      '--owner',
      owner.address,
      '--operators',
      '1,2,3,4',
      '--json',
    ])
    assert.equal(cluster.code, 0, cluster.stderr)
    const snapshot = JSON.parse(cluster.stdout)
    assert.deepEqual(snapshot.cluster, {
      validatorCount: 3,
      networkFeeIndex: '0',
      index: '0',
      active: true,
      balance: '10500000000000000000',
    })
    assert.equal(snapshot.source.eventName, 'ValidatorAdded')
    const human = await chainops(['ssv', 'cluster', ...chainArgs, '--owner', owner.address, '--operators', '1,2,3,4'])
    assert.match(human.stdout, /validatorCount +3\n/)
    assert.match(human.stdout, /balance +10500000000000000000 \(10\.5 SSV\)/)

    // Bad usage exits 2 before touching the chain.
    for (const args of [
      ['ssv', 'cluster', ...chainArgs, '--owner', owner.address],
      ['ssv', 'register', join(dir, 'one.json'), ...chainArgs, '--key-file', keyFile, '--mnemonic-file', mnemonicFile],
      ['ssv', 'register', join(dir, 'one.json'), ...chainArgs, '--mnemonic-file', mnemonicFile],
      ['ssv', 'nonce', '--rpc', rpc, '--contract', 'nope', '--owner', owner.address],
    ]) {
      const bad = await chainops(args)
      assert.equal(bad.code, 2, `${args.join(' ')}: ${bad.stderr}`)
    }
    // A path outside the layout's DVTNodeKeys roles is refused, naming no key.
    const outside = await chainops([
      'ssv',
      'register',
      join(dir, 'stale.json'),
      ...chainArgs,
      '--mnemonic-file',
      mnemonicFile,
      '--tier-path',
      "m/44'/60'/0'/0/7",
    ])
    assert.equal(outside.code, 1)
    assert.match(outside.stderr, /KEYS_LAYOUT_ROLE_UNKNOWN/)

    const everything = runs.map((run) => run.stdout + run.stderr).join('\n')
    assert.ok(!everything.includes(MNEMONIC), 'no mnemonic in any output')
    assert.ok(!everything.toLowerCase().includes(ownerKey.slice(2).toLowerCase()), 'no private key in any output')
  })
})
