import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { decodeExtraData, genesisHash, parseGenesis } from '@chainops/clique'
import { type Stack, startStack } from '@chainops/devnet'
import { safeSingletonFactoryPredeploy } from '@chainops/treasury'
import {
  type Abi,
  type Address,
  createPublicClient,
  erc20Abi,
  getAddress,
  type Hex,
  http,
  type PublicClient,
  parseEther,
  parseEventLogs,
} from 'viem'

const run = promisify(execFile)
const root = new URL('../../', import.meta.url)
const chainopsBin = fileURLToPath(new URL('bin/chainops', root))

/** The examples' test mnemonic and tier passphrases: public, but an example prints no secret. */
const exampleSecrets = [
  'abandon abandon abandon',
  'example-owners',
  'example-team',
  'example-payout-1',
  'example-payout-2',
  'example-dvt',
]

/**
 * One example as a user runs it: the project's Node, the devnet state file in the environment.
 * Neither its stdout nor its stderr may carry a secret it was given (`secrets`, the examples' own).
 */
async function runExample(name: string, args: string[], env: Record<string, string>, secrets: string[]) {
  const script = fileURLToPath(new URL(`examples/${name}`, root))
  const { stdout, stderr } = await run(process.execPath, ['--disable-warning=DEP0123', script, ...args], {
    env: { ...process.env, ...env },
    cwd: tmpdir(),
    timeout: 240_000,
    maxBuffer: 4 * 1024 * 1024,
  })
  for (const secret of [...exampleSecrets, ...secrets])
    assert.ok(!`${stdout}\n${stderr}`.includes(secret), `${name} printed a secret (${secret.length} characters)`)
  return stdout
}

/** The one match of `pattern` in an example's output, or a failure that shows the output. */
function line(stdout: string, pattern: RegExp): RegExpExecArray {
  const match = pattern.exec(stdout)
  assert.ok(match, `no line matching ${pattern} in:\n${stdout}`)
  return match
}

describe('examples/ run as a user runs them, each outcome read back from the chain by the test @integration', function () {
  this.timeout(300_000)
  let stack: Stack | undefined
  let dir: string
  let state: string
  let client: PublicClient
  let env: Record<string, string>
  /** The faucet key the examples read from the state file, without its 0x (as a log would print it). */
  let faucetKey: string

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chainops-examples-'))
    // What `chainops devnet up` starts (one sealer is enough here), with the Safe singleton factory
    // in the genesis, and the state file it writes for examples and scripts.
    stack = await startStack({
      geth: { sealers: 1, period: 1, label: 'examples', predeploys: [await safeSingletonFactoryPredeploy()] },
      moto: false,
    })
    state = join(dir, 'devnet.json')
    const startedAt = new Date().toISOString()
    const endpoints = stack.endpoints()
    await writeFile(
      state,
      JSON.stringify({
        status: 'ready',
        runnerPid: process.pid,
        startedAt,
        logPath: '',
        endpoints,
        pids: stack.pids(),
      }),
    )
    client = createPublicClient({ transport: http(endpoints.geth?.rpcUrl) })
    env = { CHAINOPS_DEVNET_STATE: state }
    faucetKey = (await readFile(endpoints.geth?.faucet.keyFile as string, 'utf8')).trim().slice(2)
  })

  after(async () => {
    await stack?.stop()
    await rm(dir, { recursive: true, force: true })
  })

  it('genesis-to-network: the genesis file it wrote hashes to the block 0 it printed, and all 3 sealers of its extraData sealed', async () => {
    const genesisPath = join(dir, 'genesis.json')
    const stdout = await runExample('genesis-to-network.ts', [genesisPath], {}, [])
    const genesis = parseGenesis(await readFile(genesisPath, 'utf8'))
    const { signers } = decodeExtraData(genesis.extraData)
    assert.equal(signers.length, 3)
    assert.equal(genesis.gasLimit, 2_520_000n) // planCapacity: 100 tps x 1 s x 21000 gas + 20%
    line(stdout, new RegExp(`^genesis: 3 sealers, gas limit 2520000, hash ${genesisHash(genesis).hash}$`, 'm'))
    line(stdout, /^network: 3 sealers \+ RPC node http:\/\/127\.0\.0\.1:\d+; block 0 is the genesis hash$/m)
    line(stdout, /^health: head \d+, 3 of 3 signers live, quorum 2$/m)
    for (const signer of signers) {
      const [, inTurn] = line(
        stdout,
        new RegExp(`^health: ${getAddress(signer)} last sealed \\d+ \\((\\d+) in turn`, 'm'),
      )
      assert.ok(Number(inTurn) >= 1, `${signer} sealed no block in turn`)
    }
  })

  it('invoice-to-mint: the address it printed holds exactly the minted coins, in the block it printed', async () => {
    const stdout = await runExample('invoice-to-mint.ts', ['777'], env, [faucetKey])
    line(stdout, /^invoice [0-9a-f]{64}: 777 sats to 0x[0-9a-fA-F]{40}$/m)
    const [, block, hash, address] = line(
      stdout,
      /^minted in block (\d+) by (0x[0-9a-f]{64}); (0x[0-9a-fA-F]{40}) holds 0\.00000777 coins$/m,
    )
    const receipt = await client.getTransactionReceipt({ hash: hash as Hex })
    assert.equal(receipt.status, 'success')
    assert.equal(receipt.blockNumber, BigInt(block as string))
    assert.equal(await client.getBalance({ address: address as Address }), 777n * 10n ** 10n)
  })

  it('treasury-rewards: in the block of the routing transaction each recipient gains floor(amount x parts / 4) and the Safe is emptied', async () => {
    const stdout = await runExample('treasury-rewards.ts', ['5.000000000000000003'], env, [faucetKey])
    const [, safe] = line(stdout, /^reward Safe (0x[0-9a-fA-F]{40}): 2 of (0x[0-9a-fA-F]{40}(, )?){3}$/m)
    const amount = parseEther('5') + 3n
    const [, routedWei, hash] = line(stdout, /^routed [\d.]+ coins \((\d+) wei\) in (0x[0-9a-f]{64})$/m)
    assert.equal(BigInt(routedWei as string), amount)
    const receipt = await client.getTransactionReceipt({ hash: hash as Hex })
    assert.equal(receipt.status, 'success')
    const at = receipt.blockNumber
    const shares = { 'team pool': (amount * 2n) / 4n, 'payout 1': amount / 4n, 'payout 2': amount / 4n }
    assert.deepEqual(Object.values(shares), [
      2_500_000_000_000_000_001n,
      1_250_000_000_000_000_000n,
      1_250_000_000_000_000_000n,
    ])
    const recipients = new Set<string>()
    for (const [name, share] of Object.entries(shares)) {
      const [, address, printed] = line(
        stdout,
        new RegExp(`^${name} (0x[0-9a-fA-F]{40}) received [\\d.]+ coins \\((\\d+) wei\\)$`, 'm'),
      )
      const gained =
        (await client.getBalance({ address: address as Address, blockNumber: at })) -
        (await client.getBalance({ address: address as Address, blockNumber: at - 1n }))
      assert.equal(gained, share, name)
      assert.equal(BigInt(printed as string), share, name)
      recipients.add(address as string)
    }
    assert.equal(recipients.size, 3, 'three distinct recipients')
    assert.equal(await client.getBalance({ address: safe as Address, blockNumber: at }), 0n)
  })

  it('ethers: the recipient it printed holds exactly coins + 1 wei, paid by the Safe transaction it printed', async () => {
    const stdout = await runExample('ethers.ts', ['0.25'], env, [faucetKey, 'test test test test'])
    for (const sealer of stack?.endpoints().geth?.sealers ?? [])
      line(stdout, new RegExp(`^sealer ${sealer.address}: last sealed block \\d+ of \\d+-\\d+$`, 'im'))
    const [, hash] = line(stdout, /^Safe transaction 0x[0-9a-f]{64} executed in (0x[0-9a-f]{64}) \(block \d+\)$/m)
    const [, recipient] = line(
      stdout,
      /^recipient (0x[0-9a-fA-F]{40}) received 0\.250000000000000001 coins \(250000000000000001 wei\)$/m,
    )
    assert.equal((await client.getTransactionReceipt({ hash: hash as Hex })).status, 'success')
    assert.equal(await client.getBalance({ address: recipient as Address }), parseEther('0.25') + 1n)
  })

  it('ssv-and-obol: the chain holds the validator it registered (event, nonce, SSV) and the CLI verifies the definition it wrote', async () => {
    const definitionPath = join(dir, 'cluster-definition.json')
    const stdout = await runExample('ssv-and-obol.ts', [definitionPath], env, [faucetKey])
    const [, validator] = line(stdout, /^validator (0x[0-9a-f]{96}) \(m\/12381\/3600\/0\/0\/0\)$/m)
    const [, network, token] = line(
      stdout,
      /^ssv: operators 1, 2, 3, 4 on SSVNetwork (0x[0-9a-fA-F]{40}) \(SSV token (0x[0-9a-fA-F]{40})\)$/m,
    )
    const [, owner] = line(stdout, /^ssv: shares for owner (0x[0-9a-fA-F]{40}) nonce 0 verify \(4 threshold subsets/m)
    const [, hash] = line(
      stdout,
      new RegExp(
        `^ssv: registered ${validator} in (0x[0-9a-f]{64}); cluster 1 validator\\(s\\), balance 10000000000000000000 SSV wei, next nonce 1$`,
        'm',
      ),
    )

    const artifact = JSON.parse(
      await readFile(new URL('artifacts/contracts/dvt/SSVNetworkDouble.sol/SSVNetworkDouble.json', root), 'utf8'),
    ) as { abi: Abi }
    const receipt = await client.getTransactionReceipt({ hash: hash as Hex })
    assert.equal(receipt.status, 'success')
    const added = parseEventLogs({ abi: artifact.abi, eventName: 'ValidatorAdded', logs: receipt.logs }) as unknown as {
      address: Address
      args: { owner: Address; operatorIds: bigint[]; publicKey: Hex }
    }[]
    assert.equal(added.length, 1)
    assert.equal(getAddress(added[0]?.address as Address), getAddress(network as Address))
    assert.deepEqual(added[0]?.args.operatorIds, [1n, 2n, 3n, 4n])
    assert.equal(added[0]?.args.publicKey, validator)
    assert.equal(added[0]?.args.owner, owner)
    const nonce = await client.readContract({
      address: network as Address,
      abi: artifact.abi,
      functionName: 'ownerNonce',
      args: [owner],
    })
    assert.equal(nonce, 1n)
    const deposited = await client.readContract({
      address: token as Address,
      abi: erc20Abi,
      functionName: 'balanceOf',
      args: [network as Address],
    })
    assert.equal(deposited, parseEther('10'))

    const [, definitionHash, configHash] = line(
      stdout,
      /^obol: definition (0x[0-9a-f]{64}) \(config (0x[0-9a-f]{64})\), 4 operators, threshold 3, 9 signatures verify$/m,
    )
    const { stdout: verified } = await run(chainopsBin, ['obol', 'definition', 'verify', definitionPath, '--json'])
    const result = JSON.parse(verified) as Record<string, unknown>
    assert.deepEqual(
      {
        valid: result.valid,
        signatures: result.signatures,
        definitionHash: result.definitionHash,
        configHash: result.configHash,
      },
      { valid: true, signatures: 9, definitionHash, configHash },
    )
  })
})
