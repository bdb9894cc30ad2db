import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { buildGenesis, lintGenesis } from '@chainops/clique'
import hre from 'hardhat'
import { getAddress, parseEther, parseGwei } from 'viem'
import { privateKeyToAddress } from 'viem/accounts'
import { cliqueNetworkConfig } from '../hardhat/cliqueNetworkConfig.ts'
import { cliqueNetworkFromGenesis } from '../hardhat/cliqueNetworkFromGenesis.ts'
import { devCliqueChain } from '../hardhat/devCliqueChain.ts'
import { devCliqueGenesis } from '../hardhat/devCliqueGenesis.ts'
import { devCliqueKeys } from '../hardhat/devCliqueKeys.ts'

const require = createRequire(import.meta.url)
const repoRoot = fileURLToPath(new URL('..', import.meta.url))
const soljsonPath = require.resolve('solc/soljson.js')
const solcVersion = (JSON.parse(await readFile(require.resolve('solc/package.json'), 'utf8')) as { version: string })
  .version
const greeterSource = await readFile(join(repoRoot, 'contracts/Greeter.sol'), 'utf8')

/**
 * Offsets of PUSH0 (0x5f, Shanghai) used as an instruction: a linear sweep that skips PUSH1..32
 * immediates and stops before the trailing CBOR metadata (its length is the last two bytes).
 */
function push0Offsets(bytecode: string): number[] {
  const code = Buffer.from(bytecode.replace(/^0x/, ''), 'hex')
  const end = code.length - 2 - code.readUInt16BE(code.length - 2)
  const offsets: number[] = []
  for (let pc = 0; pc < end; pc++) {
    const op = code[pc]!
    if (op === 0x5f) offsets.push(pc)
    else if (op >= 0x60 && op <= 0x7f) pc += op - 0x5f
  }
  return offsets
}

type BuildInfo = {
  solcVersion: string
  solcLongVersion: string
  input: { settings: { evmVersion?: string; optimizer?: { enabled: boolean; runs: number } } }
}

async function readBuildInfo(contractName: string): Promise<BuildInfo> {
  const id = await hre.artifacts.getBuildInfoId(contractName)
  assert.ok(id, `no build info id for ${contractName}`)
  const path = await hre.artifacts.getBuildInfoPath(id)
  assert.ok(path, `no build info file for ${id}`)
  return JSON.parse(await readFile(path, 'utf8')) as BuildInfo
}

describe('Hardhat 3 with the local solc and the clique network @integration', () => {
  it('builds the production profile with network access impossible and downloads no compiler', async () => {
    const cacheHome = await mkdtemp(join(tmpdir(), 'chainops-hardhat-cache-'))
    try {
      const closedPort = 'http://127.0.0.1:9'
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [
          require.resolve('hardhat/package.json').replace(/package\.json$/, 'dist/src/cli.js'),
          'build',
          '--force',
          '--build-profile',
          'production',
        ],
        {
          cwd: repoRoot,
          env: {
            ...process.env,
            // env-paths puts Hardhat's compiler cache (hardhat-nodejs/compilers-v3) under here.
            XDG_CACHE_HOME: cacheHome,
            HTTP_PROXY: closedPort,
            HTTPS_PROXY: closedPort,
            http_proxy: closedPort,
            https_proxy: closedPort,
          },
        },
      )
      // Greeter and the contracts/test-doubles compile together; how many is not this test's business.
      assert.match(
        stdout,
        new RegExp(`Compiled \\d+ Solidity files? with solc ${solcVersion} \\(evm target: london\\)`),
      )
      // Hardhat creates the compilers dir as soon as it resolves a download; it must not exist.
      assert.deepEqual(await readdir(cacheHome), [])
    } finally {
      await rm(cacheHome, { recursive: true, force: true })
    }
  })

  it('resolves both build profiles to the absolute solc-js path, the package version and london', () => {
    for (const profile of ['default', 'production']) {
      const compilers = hre.config.solidity.profiles[profile]?.compilers
      assert.ok(compilers, `profile ${profile} missing`)
      assert.equal(compilers.length, 1)
      const [compiler] = compilers
      assert.equal(compiler?.path, soljsonPath)
      assert.equal(compiler?.version, solcVersion)
      assert.equal(compiler?.settings.evmVersion, 'london')
      assert.deepEqual(compiler?.settings.optimizer, { enabled: true, runs: 200 })
    }
  })

  it('compiles in process through the build task and records solc and london in the build info', async () => {
    const result = await hre.tasks.getTask('build').run({ force: true, quiet: true })
    const { contractRootPaths, testRootPaths } = result as { contractRootPaths: string[]; testRootPaths: string[] }
    assert.ok(contractRootPaths.includes(join(repoRoot, 'contracts/Greeter.sol')), contractRootPaths.join('\n'))
    assert.deepEqual(testRootPaths, [])

    const buildInfo = await readBuildInfo('Greeter')
    assert.equal(buildInfo.solcVersion, solcVersion)
    assert.match(
      buildInfo.solcLongVersion,
      new RegExp(`^${solcVersion.replaceAll('.', '\\.')}\\+commit\\.[0-9a-f]{8}$`),
    )
    assert.equal(buildInfo.input.settings.evmVersion, 'london')
    assert.deepEqual(buildInfo.input.settings.optimizer, { enabled: true, runs: 200 })
  })

  it('emits no PUSH0 for london, while the same source compiled for shanghai does', async () => {
    const artifact = await hre.artifacts.readArtifact('Greeter')
    assert.deepEqual(push0Offsets(artifact.bytecode), [])
    assert.deepEqual(push0Offsets(artifact.deployedBytecode), [])

    // The control: the scan finds PUSH0 when the compiler is allowed to emit it.
    const solc = require('solc') as { compile(input: string): string }
    const output = JSON.parse(
      solc.compile(
        JSON.stringify({
          language: 'Solidity',
          sources: { 'Greeter.sol': { content: greeterSource } },
          settings: {
            evmVersion: 'shanghai',
            optimizer: { enabled: true, runs: 200 },
            outputSelection: { '*': { Greeter: ['evm.deployedBytecode.object'] } },
          },
        }),
      ),
    ) as { contracts: { 'Greeter.sol': { Greeter: { evm: { deployedBytecode: { object: string } } } } } }
    const shanghaiRuntime = output.contracts['Greeter.sol'].Greeter.evm.deployedBytecode.object
    assert.ok(push0Offsets(shanghaiRuntime).length > 0)
  })

  it('deploys Greeter on the clique network (chain 2789, london base fee, 30M gas, prefunded keys)', async () => {
    const connection = await hre.network.create({ network: 'clique' })
    try {
      const publicClient = await connection.viem.getPublicClient()
      assert.equal(await publicClient.getChainId(), 2789)

      const genesis = await publicClient.getBlock({ blockNumber: 0n })
      assert.equal(genesis.gasLimit, 30_000_000n)
      assert.equal(genesis.baseFeePerGas, 1_000_000_000n)

      const expectedAddresses = devCliqueChain.accounts.map(({ privateKey }) => privateKeyToAddress(privateKey))
      const walletClients = await connection.viem.getWalletClients()
      assert.deepEqual(
        walletClients.map((client) => client.account.address.toLowerCase()),
        expectedAddresses.map((address) => address.toLowerCase()),
      )
      for (const address of expectedAddresses) {
        assert.equal(await publicClient.getBalance({ address }), parseEther('10000'))
      }

      const greeter = await connection.viem.deployContract('Greeter', ['hello, clique'])
      assert.equal(await greeter.read.greet!(), 'hello, clique')

      const hash = await greeter.write.setGreeting!(['gm'])
      const receipt = await publicClient.waitForTransactionReceipt({ hash })
      assert.equal(receipt.status, 'success')
      assert.equal(await greeter.read.greet!(), 'gm')

      const block = await publicClient.getBlock({ blockNumber: receipt.blockNumber })
      assert.equal(typeof block.baseFeePerGas, 'bigint')
      assert.equal(block.gasLimit, 30_000_000n)
      // Automine: the deployment and the call each got their own block after genesis.
      assert.equal(receipt.blockNumber, 2n)
    } finally {
      await connection.close()
    }
  })
})

describe('the clique network follows the genesis @chainops/clique builds @integration', () => {
  it('a different genesis (chain 4242, 8M gas, 7 gwei base fee, 5 coins) gives a network with exactly those', async () => {
    const [key] = devCliqueKeys
    const genesis = buildGenesis({
      chainId: 4242,
      sealers: [privateKeyToAddress(key!)],
      gasLimit: 8_000_000n,
      baseFeePerGas: parseGwei('7'),
      alloc: { [privateKeyToAddress(key!)]: { balance: parseEther('5') } },
    })
    const connection = await hre.network.create({
      network: 'clique',
      override: cliqueNetworkConfig(cliqueNetworkFromGenesis(genesis, { privateKeys: [key!] })),
    })
    try {
      const publicClient = await connection.viem.getPublicClient()
      assert.equal(await publicClient.getChainId(), 4242)
      const block0 = await publicClient.getBlock({ blockNumber: 0n })
      assert.equal(block0.gasLimit, 8_000_000n)
      assert.equal(block0.baseFeePerGas, parseGwei('7'))
      assert.equal(await publicClient.getBalance({ address: privateKeyToAddress(key!) }), parseEther('5'))
    } finally {
      await connection.close()
    }
  })
})

describe('cliqueNetworkFromGenesis', () => {
  it('the dev chain is read from the dev genesis: chain id, london, gas limit, base fee, alloc balances', () => {
    assert.deepEqual(devCliqueChain, {
      chainId: devCliqueGenesis.config.chainId,
      hardfork: 'london',
      gasLimit: devCliqueGenesis.gasLimit,
      initialBaseFeePerGas: devCliqueGenesis.baseFeePerGas,
      accounts: devCliqueKeys.map((privateKey) => ({
        privateKey,
        balance: devCliqueGenesis.alloc[getAddress(privateKeyToAddress(privateKey))]?.balance,
      })),
    })
    assert.equal(devCliqueGenesis.config.chainId, 2789)
    assert.equal(devCliqueGenesis.gasLimit, 30_000_000n)
    assert.equal(devCliqueGenesis.baseFeePerGas, 1_000_000_000n)
  })

  it('the dev genesis lints without errors for a single-sealer dev chain', () => {
    assert.deepEqual(
      lintGenesis(devCliqueGenesis, { tolerateFailures: 0 }).filter((f) => f.severity !== 'info'),
      [],
    )
  })

  it('maps a berlin genesis without a base fee, and keeps interval mining', () => {
    const [key] = devCliqueKeys
    const genesis = buildGenesis({
      chainId: 1337,
      sealers: [privateKeyToAddress(key!)],
      hardfork: 'berlin',
      gasLimit: 4_700_000n,
      alloc: { [privateKeyToAddress(key!)]: { balance: 7n } },
    })
    assert.deepEqual(
      cliqueNetworkFromGenesis(genesis, { privateKeys: [key!], mining: { auto: false, interval: 5000 } }),
      {
        chainId: 1337,
        hardfork: 'berlin',
        gasLimit: 4_700_000n,
        accounts: [{ privateKey: key, balance: 7n }],
        mining: { auto: false, interval: 5000 },
      },
    )
  })

  it('refuses a key the genesis does not fund and a genesis without berlin/london at block 0', () => {
    const [key, other] = devCliqueKeys
    assert.throws(
      () => cliqueNetworkFromGenesis(devCliqueGenesis, { privateKeys: ['0x'.padEnd(66, '1') as `0x${string}`] }),
      (e: unknown) => (e as { code?: string }).code === 'CLIQUE_GENESIS_INVALID',
    )
    const istanbul = buildGenesis({
      chainId: 1,
      sealers: [privateKeyToAddress(key!)],
      hardfork: 'istanbul',
      alloc: { [privateKeyToAddress(other!)]: { balance: 1n } },
    })
    assert.throws(
      () => cliqueNetworkFromGenesis(istanbul, { privateKeys: [other!] }),
      (e: unknown) => (e as { code?: string; path?: string }).code === 'CLIQUE_GENESIS_FORK_UNSUPPORTED',
    )
  })
})

describe('cliqueNetworkConfig', () => {
  const key = '0x0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'

  it('maps chain id, hardfork, gas limit and accounts onto an automining l1 edr network', () => {
    assert.deepEqual(
      cliqueNetworkConfig({
        chainId: 1337,
        hardfork: 'berlin',
        gasLimit: 4_700_000n,
        accounts: [{ privateKey: key, balance: 7n }],
      }),
      {
        type: 'edr-simulated',
        chainType: 'l1',
        chainId: 1337,
        hardfork: 'berlin',
        blockGasLimit: 4_700_000n,
        mining: { auto: true },
        accounts: [{ privateKey: key, balance: 7n }],
      },
    )
  })

  it('passes interval mining through when asked for it', () => {
    const config = cliqueNetworkConfig({
      chainId: 2789,
      hardfork: 'london',
      gasLimit: 30_000_000n,
      accounts: [],
      mining: { auto: false, interval: 5000 },
    })
    assert.deepEqual(config.mining, { auto: false, interval: 5000 })
  })
})
