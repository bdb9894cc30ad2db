import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { daemonBinary, freePort, type GethCliqueNetwork, startGethClique } from '@chainops/devnet'
import { gethInitHash, pollUntil } from '@chainops/testkit'
import { getAddress } from 'viem'
import { chainops } from './support/chainops.ts'
import { cli } from './support/cli.ts'

const run = promisify(execFile)
// The source document's genesis, as kept by @chainops/clique's tests (read as data, not imported).
const seedPath = fileURLToPath(new URL('../../clique/test/fixtures/seed-genesis.json', import.meta.url))

const SEED_SIGNERS = ['0x13632061De49BbFd8246Cdef3Ca9C180e47Beb20', '0xed87eE84804fCcDd7d8eD29c3505be5afC802f42']
const SEALERS = [
  '0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf',
  '0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF',
  '0x6813Eb9362372EEF6200f3b1dbC3f819671cBA69',
]
const COLD_WALLET = '0x96676ec1894Aa23B9BeB5b5cf35795Af02c7907a'
const codes = (stdout: string) => (JSON.parse(stdout) as { code: string }[]).map((f) => f.code)

describe('chainops genesis lint through bin/chainops', () => {
  it('the seed genesis exits 1 with HEX_LOOKS_DECIMAL, SEALER_QUORUM and MISSING_FORK as a JSON array', async () => {
    const result = await chainops(['genesis', 'lint', seedPath, '--json'])
    assert.equal(result.code, 1, result.stderr)
    const findings = JSON.parse(result.stdout) as Record<string, string>[]
    assert.deepEqual(
      findings.map((f) => [f.code, f.severity, f.path]),
      [
        ['HEX_LOOKS_DECIMAL', 'error', 'alloc.96676ec1894aa23b9beb5b5cf35795af02c7907a.balance'],
        ['SEALER_QUORUM', 'error', 'extraData'],
        ['MISSING_FORK', 'warning', 'config.berlinBlock'],
        ['MISSING_FORK', 'warning', 'config.londonBlock'],
        ['FUNDED_ACCOUNT_NOT_SEALER', 'info', 'alloc.96676ec1894aa23b9beb5b5cf35795af02c7907a'],
      ],
    )
    assert.deepEqual(Object.keys(findings[0] ?? {}), ['code', 'severity', 'message', 'path'])
    assert.match(findings[0]?.message ?? '', /15,576,890,575,604,482\.885591488987660288 coins/)
    assert.match(findings[0]?.message ?? '', /= 30,000,000,000 coins/)
  })

  it('with --target-tps 1000 it also reports CAPACITY_BELOW_TARGET (44.76 transfers/s)', async () => {
    const result = await chainops(['genesis', 'lint', seedPath, '--target-tps', '1000', '--json'])
    assert.equal(result.code, 1)
    assert.deepEqual(codes(result.stdout), [
      'HEX_LOOKS_DECIMAL',
      'SEALER_QUORUM',
      'MISSING_FORK',
      'MISSING_FORK',
      'CAPACITY_BELOW_TARGET',
      'FUNDED_ACCOUNT_NOT_SEALER',
    ])
    assert.match(result.stdout, /carries 44\.76 transfers\/s/)
  })

  it('prints a table by default, with the counts', async () => {
    const result = await chainops(['genesis', 'lint', seedPath])
    assert.equal(result.code, 1)
    const lines = result.stdout.split('\n')
    assert.match(lines[0] ?? '', /^SEVERITY +CODE +PATH +MESSAGE$/)
    assert.match(
      lines[2] ?? '',
      /^error +HEX_LOOKS_DECIMAL +alloc\.96676ec1894aa23b9beb5b5cf35795af02c7907a\.balance +0x3/,
    )
    assert.match(result.stdout, /seed-genesis\.json: 2 errors, 2 warnings\n$/)
  })

  it('exits 2 without a FILE and on an unknown flag; --help exits 0', async () => {
    const missing = await chainops(['genesis', 'lint'])
    assert.equal(missing.code, 2)
    assert.match(missing.stderr, /FILE is required/)
    const unknown = await chainops(['genesis', 'lint', seedPath, '--target', '5'])
    assert.equal(unknown.code, 2)
    assert.match(unknown.stderr, /Unknown option '--target'/)
    const help = await chainops(['genesis', 'lint', '--help'])
    assert.equal(help.code, 0)
    assert.match(help.stdout, /Usage: chainops genesis lint FILE \[--target-tps N\]/)
  })
})

describe('chainops genesis, plan and geth config (in process)', () => {
  let dir: string
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chainops-cli-clique-'))
  })
  after(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('lint: an unparseable file is one GENESIS_INVALID finding and exit 1; a missing file is CLI_FILE_UNREADABLE', async () => {
    const broken = join(dir, 'broken.json')
    await writeFile(broken, '{ "config": ')
    const result = await cli(['genesis', 'lint', broken, '--json'])
    assert.equal(result.code, 1)
    assert.deepEqual(JSON.parse(result.stdout), [
      { code: 'GENESIS_INVALID', severity: 'error', message: 'genesis is not valid JSON', path: '$' },
    ])
    const absent = await cli(['genesis', 'lint', join(dir, 'absent.json')])
    assert.equal(absent.code, 1)
    assert.equal(absent.stdout, '')
    assert.match(absent.stderr, /cannot read .*absent\.json \[CLI_FILE_UNREADABLE\]/)
  })

  it('lint: bad flag values are usage errors (exit 2)', async () => {
    for (const args of [
      ['--target-tps', 'many'],
      ['--tolerate-failures', '-1'],
      ['--expected-supply', '1.0000000000000000001'],
    ]) {
      const result = await cli(['genesis', 'lint', seedPath, ...args])
      assert.equal(result.code, 2, args.join(' '))
    }
  })

  it('lint: --expected-supply reports SUPPLY_MISMATCH against the seed', async () => {
    const result = await cli(['genesis', 'lint', seedPath, '--expected-supply', '30000000000', '--json'])
    const mismatch = (JSON.parse(result.stdout) as { code: string; message: string }[]).find(
      (f) => f.code === 'SUPPLY_MISMATCH',
    )
    assert.equal(
      mismatch?.message,
      'alloc holds 15,576,890,575,604,482.885591488987660544 coins, the plan expects 30,000,000,000 (+15,576,860,575,604,482.885591488987660544).',
    )
  })

  it('inspect prints the two seed signers, forks, period, chain id, gas limit, total alloc and hash', async () => {
    const table = await cli(['genesis', 'inspect', seedPath])
    assert.equal(table.code, 0)
    assert.match(table.stdout, new RegExp(`signer 1 +${SEED_SIGNERS[0]}\n +signer 2 +${SEED_SIGNERS[1]}`))
    assert.match(table.stdout, /period +5 s/)
    assert.match(
      table.stdout,
      /forks +homestead 0, eip150 0, eip155 0, eip158 0, byzantium 0, constantinople 0, petersburg 0, istanbul 0\n/,
    )
    assert.match(table.stdout, /total alloc +15,576,890,575,604,482\.885591488987660544 coins/)

    const json = await cli(['genesis', 'inspect', seedPath, '--json'])
    const summary = JSON.parse(json.stdout)
    assert.deepEqual(summary.signers, SEED_SIGNERS)
    assert.equal(summary.chainId, 2789)
    assert.equal(summary.period, 5)
    assert.equal(summary.epoch, 30000)
    assert.equal(summary.gasLimit, '4700000')
    assert.equal(summary.accounts, 257)
    // 3 x 16^28 wei for the cold wallet plus 1 wei in each of the 256 precompile-range accounts.
    assert.equal(summary.totalAllocWei, (3n * 16n ** 28n + 256n).toString())
    assert.equal(summary.berlinBlock, undefined)
    assert.deepEqual(Object.keys(summary.forks), [
      'homesteadBlock',
      'eip150Block',
      'eip155Block',
      'eip158Block',
      'byzantiumBlock',
      'constantinopleBlock',
      'petersburgBlock',
      'istanbulBlock',
    ])
    // geth v1.13.15 writes this hash for the seed (packages/clique/test/genesisHash.geth.test.ts).
    assert.equal(summary.hash, '0x1442ec5581532dba7258e810dd2574773f6e1c336e2db1f324a43fbf42d8fd38')
  })

  it('inspect: a genesis that does not parse exits 1 with the field at fault', async () => {
    const bad = join(dir, 'bad-gas.json')
    const seed = JSON.parse(await readFile(seedPath, 'utf8'))
    await writeFile(bad, JSON.stringify({ ...seed, gasLimit: '0xnope' }))
    const result = await cli(['genesis', 'inspect', bad])
    assert.equal(result.code, 1)
    assert.match(result.stderr, /\[CLIQUE_QUANTITY_INVALID\][\s\S]*at gasLimit/)
  })

  it('init prints geth genesis JSON on stdout and its hash on stderr; --json gives both', async () => {
    const args = ['genesis', 'init', '--sealers', SEALERS.join(','), '--period', '2', '--chain-id', '1337']
    const plain = await cli(args)
    assert.equal(plain.code, 0, plain.stderr)
    const genesis = JSON.parse(plain.stdout)
    assert.deepEqual(genesis.config.clique, { period: 2, epoch: 30000 })
    assert.equal(genesis.config.chainId, 1337)
    assert.equal(genesis.config.londonBlock, 0)
    assert.equal(genesis.gasLimit, '0x1c9c380')
    assert.equal(
      genesis.extraData,
      `0x${'00'.repeat(32)}${[...SEALERS]
        .map((s) => s.slice(2).toLowerCase())
        .sort()
        .join('')}${'00'.repeat(65)}`,
    )
    const json = JSON.parse((await cli([...args, '--json'])).stdout)
    assert.deepEqual(json.genesis, genesis)
    assert.match(json.hash, /^0x[0-9a-f]{64}$/)
    assert.equal(plain.stderr, `genesis hash ${json.hash}`)
  })

  it('init refuses bad usage with exit 2: no sealers, a bad alloc, both gas flags, a post-London fork', async () => {
    const cases = [
      ['genesis', 'init'],
      ['genesis', 'init', '--sealers', '0x1234'],
      ['genesis', 'init', '--sealers', SEALERS.join(','), '--alloc', `${COLD_WALLET}:5`],
      ['genesis', 'init', '--sealers', SEALERS.join(','), '--alloc', `${COLD_WALLET}=1`, '--alloc', `${COLD_WALLET}=2`],
      ['genesis', 'init', '--sealers', SEALERS.join(','), '--gas-limit', '1', '--target-tps', '5'],
      ['genesis', 'init', '--sealers', SEALERS.join(','), '--hardfork', 'shanghai'],
      ['genesis', 'init', '--sealers', SEALERS.join(','), '--period', '0'],
    ]
    for (const args of cases) assert.equal((await cli(args)).code, 2, args.join(' '))
  })

  it('init --out writes the file once and refuses to replace it without --force', async () => {
    const out = join(dir, 'once.json')
    const args = ['genesis', 'init', '--sealers', SEALERS[0] as string, '--out', out]
    const first = await cli(args)
    assert.equal(first.code, 0)
    assert.match(first.stdout, /^wrote .*once\.json\ngenesis hash 0x[0-9a-f]{64}$/)
    const again = await cli(args)
    assert.equal(again.code, 1)
    assert.match(again.stderr, /exists \(pass --force to replace it\) \[CLI_FILE_EXISTS\]/)
    assert.equal((await cli([...args, '--force'])).code, 0)
  })

  it('plan sealers prints 2K+1 sealers and the quorum', async () => {
    const json = await cli(['plan', 'sealers', '--tolerate-failures', '2', '--json'])
    assert.deepEqual(JSON.parse(json.stdout), {
      sealers: 5,
      quorum: 3,
      tolerateFailures: 2,
      summary:
        '5 sealers (in separate zones): Clique needs 3 live, so 2 may be down; an even count adds no tolerance (6 sealers need 4).',
    })
    const table = await cli(['plan', 'sealers', '--tolerate-failures', '1'])
    assert.match(table.stdout, /sealers +3\nlive signers needed +2\nmay be down +1\n/)
    assert.equal((await cli(['plan', 'sealers'])).code, 2)
  })

  it('plan capacity prints the source plan: 105,000,000 gas a block, 126,000,000 with 20% headroom', async () => {
    const json = await cli(['plan', 'capacity', '--tps', '1000', '--period', '5', '--json'])
    const plan = JSON.parse(json.stdout)
    assert.equal(plan.requiredGasPerBlock, '105000000')
    assert.equal(plan.gasLimit, '126000000')
    assert.equal(plan.headroomGas, '21000000')
    assert.equal(plan.transactionsPerBlock, '6000')
    assert.equal(plan.maxTps, '1,200.00')
    const table = await cli([
      'plan',
      'capacity',
      '--tps',
      '7',
      '--period',
      '2',
      '--gas-per-tx',
      '50001',
      '--headroom',
      '15',
    ])
    assert.match(table.stdout, /gas a block needs +700,014\ngas limit +805,017\n/)
    for (const args of [
      ['--tps', '10'],
      ['--tps', '10', '--period', '5', '--gas-per-tx', '20999'],
    ]) {
      assert.equal((await cli(['plan', 'capacity', ...args])).code, 2, args.join(' '))
    }
  })

  it('plan supply reproduces the source plan and says where it does not add up', async () => {
    const table = await cli(['plan', 'supply'])
    assert.equal(table.code, 0) // a warning, no error
    assert.match(table.stdout, /total supply at genesis +30,060,000,000\n/)
    assert.match(table.stdout, /spend over 100 years \(360-day\) +31,104,000,000\n/)
    assert.match(
      table.stdout,
      /warning +HORIZON_EXCEEDS_COLD_WALLET +1000 TPS x 0\.01 coin x 100 years of 360 days = 31,104,000,000 coins, 1,074,000,000 more than the cold wallet and float hold \(30,030,000,000\); they last 96\.55 years, not 100\./,
    )
    const json = JSON.parse((await cli(['plan', 'supply', '--json'])).stdout)
    assert.equal(json.spendOverHorizonWei, `31104000000${'0'.repeat(18)}`)
    assert.equal(json.operatorLossCapWei, `300600000${'0'.repeat(18)}`)
    assert.deepEqual(
      json.findings.map((f: { code: string }) => f.code),
      [
        'HORIZON_EXCEEDS_COLD_WALLET',
        'YEAR_IS_360_DAYS',
        'FLOAT_COVERS_REFILL_PERIOD',
        'OPERATOR_LOSS_WITHIN_CAP',
        'FEES_LEAVE_CIRCULATION',
      ],
    )
    const risky = await cli(['plan', 'supply', '--operator-float', '400000000', '--fee-per-tx', '0.001', '--json'])
    assert.equal(risky.code, 1)
    const riskyCodes = JSON.parse(risky.stdout).findings.map((f: { code: string }) => f.code)
    assert.deepEqual(riskyCodes, [
      'HORIZON_WITHIN_COLD_WALLET',
      'YEAR_IS_360_DAYS',
      'FLOAT_COVERS_REFILL_PERIOD',
      'OPERATOR_LOSS_OVER_CAP',
      'FEES_LEAVE_CIRCULATION',
    ])
    assert.equal((await cli(['plan', 'supply', '--years', '0'])).code, 2)
  })

  it('geth config refuses a signer count that differs from --sealers, and missing --hosts, with exit 2', async () => {
    const out = join(dir, 'never')
    const base = ['geth', 'config', '--out-dir', out]
    const mismatch = await cli([
      ...base,
      '--sealers',
      '3',
      '--signers',
      SEALERS.slice(0, 2).join(','),
      '--hosts',
      'a,b,c',
    ])
    assert.equal(mismatch.code, 2)
    assert.match(mismatch.stderr, /--sealers 3 but --signers lists 2/)
    assert.equal((await cli([...base, '--signers', SEALERS.join(',')])).code, 2)
    assert.equal((await cli([...base, '--signers', SEALERS.join(','), '--hosts', '10.0.0.1'])).code, 2)
    assert.equal(existsSync(out), false)
  })

  it('clique commands need --rpc and a real address (exit 2)', async () => {
    const cases = [
      ['clique', 'signers'],
      ['clique', 'signers', '--rpc', 'ftp://127.0.0.1:1'],
      ['clique', 'health', '--rpc', 'http://127.0.0.1:1', '--blocks', '0'],
      ['clique', 'health', '--rpc', 'http://127.0.0.1:1', '--sealer-rpc', 'http://127.0.0.1:2'],
      ['clique', 'health', '--rpc', 'http://127.0.0.1:1', '--sealer-rpc', ',', '--period', '1'],
      ['clique', 'propose', '--rpc', 'http://127.0.0.1:1'],
      ['clique', 'propose', '--rpc', 'http://127.0.0.1:1', '--address', '0x12'],
    ]
    for (const args of cases) assert.equal((await cli(args)).code, 2, args.join(' '))
  })

  it('a node nobody listens on is a failure (exit 1) with a message, never a crash', async () => {
    const url = `http://127.0.0.1:${await freePort()}`
    const signers = await cli(['clique', 'signers', '--rpc', url])
    assert.equal(signers.code, 1)
    assert.match(signers.stderr, /clique_getSigners failed \[CLIQUE_RPC_FAILED\]/)
    const health = await cli(['clique', 'health', '--rpc', url])
    assert.equal(health.code, 1)
    assert.match(health.stderr, /cannot use the node at http:\/\/127\.0\.0\.1:\d+ \[CLI_RPC_UNREACHABLE\]/)
    const ipc = await cli(['clique', 'propose', '--rpc', '/nonexistent/geth.ipc', '--address', SEALERS[0] as string])
    assert.equal(ipc.code, 1)
    assert.match(ipc.stderr, /no geth IPC socket at \/nonexistent\/geth\.ipc \[CLI_RPC_UNREACHABLE\]/)
  })

  it('lists every clique command in the top-level help', async () => {
    const help = await cli(['--help'])
    for (const path of [
      'genesis init',
      'genesis lint',
      'genesis inspect',
      'plan sealers',
      'plan capacity',
      'plan supply',
      'geth config',
      'clique signers',
      'clique health',
      'clique propose',
      'clique discard',
    ]) {
      assert.match(help.stdout, new RegExp(`\n  ${path} `))
    }
  })
})

describe('chainops genesis init and geth config read by the real geth @integration', () => {
  let dir: string
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chainops-cli-geth-'))
  })
  after(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('init (3 sealers, London, 30 billion coins, gas for 1000 TPS) lints clean and geth init writes the same hash', async () => {
    const file = join(dir, 'genesis.json')
    const init = await chainops([
      'genesis',
      'init',
      '--sealers',
      SEALERS.join(','),
      '--target-tps',
      '1000',
      '--alloc',
      `${COLD_WALLET}=30000000000`,
      '--create2-factory',
      '--out',
      file,
      '--json',
    ])
    assert.equal(init.code, 0, init.stderr)
    const { hash, path } = JSON.parse(init.stdout)
    assert.equal(path, file)
    const genesis = JSON.parse(await readFile(file, 'utf8'))
    assert.equal(genesis.gasLimit, '0x7829b80') // 126,000,000
    assert.equal(genesis.alloc[COLD_WALLET].balance, '0x60ef6b1aba6f072330000000')

    const lint = await chainops([
      'genesis',
      'lint',
      file,
      '--target-tps',
      '1000',
      '--expected-supply',
      '30000000000',
      '--json',
    ])
    assert.equal(lint.code, 0, lint.stdout)
    // Only the informational note that the sealers hold no coins (the plan funds a cold wallet).
    assert.deepEqual(codes(lint.stdout), ['FUNDED_ACCOUNT_NOT_SEALER'])

    assert.equal(await gethInitHash(await readFile(file, 'utf8')), hash)
  })

  it('geth config writes per-node TOML that geth loads (dumpconfig), public RPC limited to eth, net, web3', async () => {
    const out = join(dir, 'config')
    const args = [
      'geth',
      'config',
      '--sealers',
      '3',
      '--signers',
      SEALERS.join(','),
      '--rpc-nodes',
      '2',
      // Private addresses are written into the files only; dumpconfig parses them and dials nothing.
      '--hosts',
      '10.0.1.10,10.0.2.10,10.0.3.10,10.0.1.20,10.0.2.20',
      '--zones',
      'zone-a,zone-b,zone-c',
      '--data-dir',
      join(dir, 'data'),
      '--target-tps',
      '1000',
      '--period',
      '5',
      '--out-dir',
      out,
      '--json',
    ]
    const result = await cli(args)
    assert.equal(result.code, 0, result.stderr)
    const written = JSON.parse(result.stdout) as {
      gasLimit: string
      nodes: {
        name: string
        role: string
        zone: string
        enode: string
        toml: string
        nodekey: string
        args: string[]
      }[]
    }
    assert.equal(written.gasLimit, '126000000')
    assert.deepEqual(
      written.nodes.map((n) => [n.name, n.role, n.zone]),
      [
        ['sealer-1', 'sealer', 'zone-a'],
        ['sealer-2', 'sealer', 'zone-b'],
        ['sealer-3', 'sealer', 'zone-c'],
        ['rpc-1', 'rpc', 'zone-a'],
        ['rpc-2', 'rpc', 'zone-b'],
      ],
    )
    assert.deepEqual(written.nodes[0]?.args.slice(0, 3), ['--mine', '--miner.etherbase', SEALERS[0]])
    assert.deepEqual(written.nodes[3]?.args, [])

    for (const node of written.nodes) {
      assert.equal((await stat(node.nodekey)).mode & 0o777, 0o600)
      const { stdout } = await run(daemonBinary('geth'), [
        '--config',
        node.toml,
        '--nodekey',
        node.nodekey,
        'dumpconfig',
      ])
      assert.match(stdout, /GasCeil = 126000000\n/)
      assert.match(stdout, /NetworkId = 2789\n/)
      const others = written.nodes.filter((n) => n !== node).map((n) => n.enode)
      assert.equal(stdout.match(/^StaticNodes = (.*)$/m)?.[1], JSON.stringify(others).replaceAll('","', '", "'))
      if (node.role === 'rpc') {
        assert.match(stdout, /HTTPModules = \["eth", "net", "web3"\]\n/)
        assert.match(stdout, /HTTPHost = "0\.0\.0\.0"\n/)
      } else {
        assert.match(stdout, /HTTPHost = ""\n/)
      }
    }

    // Running it again replaces nothing without --force, and with --force keeps every node key.
    const again = await cli(args)
    assert.equal(again.code, 1)
    assert.match(again.stderr, /\[CLI_FILE_EXISTS\]/)
    const forced = JSON.parse((await cli([...args, '--force'])).stdout) as { nodes: { enode: string }[] }
    assert.deepEqual(
      forced.nodes.map((n) => n.enode),
      written.nodes.map((n) => n.enode),
    )
  })
})

describe('chainops clique signers | health | propose against a real single-sealer geth @integration', () => {
  let net: GethCliqueNetwork
  let sealerUrl: string
  let sealer: string
  let ipcPath: string
  const candidate = getAddress('0x00000000000000000000000000000000000c11c0')

  async function rpc<T>(url: string, method: string, params: unknown[] = []): Promise<T> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
    })
    return ((await response.json()) as { result: T }).result
  }

  before(async () => {
    net = await startGethClique({ sealers: 1, period: 1, label: 'cli-clique' })
    const node = net.sealers[0]
    assert.ok(node?.address)
    sealerUrl = node.rpcUrl
    sealer = node.address
    ipcPath = join(node.datadir, 'geth.ipc')
    await pollUntil({
      description: 'block 5',
      condition: async () => BigInt(await rpc<string>(sealerUrl, 'eth_blockNumber')) >= 5n,
    })
  })
  after(async () => {
    await net?.stop()
  })

  it('signers lists the sealer over HTTP and over the IPC socket, at the head and at a block', async () => {
    const http = await chainops(['clique', 'signers', '--rpc', sealerUrl])
    assert.equal(http.code, 0, http.stderr)
    assert.equal(http.stdout, `${sealer}\n`)
    assert.ok(existsSync(ipcPath), `no IPC socket at ${ipcPath}`)
    const ipc = await chainops(['clique', 'signers', '--rpc', ipcPath, '--block', '1', '--json'])
    assert.equal(ipc.code, 0, ipc.stderr)
    assert.deepEqual(JSON.parse(ipc.stdout), [sealer])
  })

  it('the public RPC node refuses clique_getSigners: exit 1 with CLIQUE_RPC_FAILED', async () => {
    const result = await cli(['clique', 'signers', '--rpc', net.rpc?.rpcUrl as string])
    assert.equal(result.code, 1)
    assert.match(result.stderr, /clique_getSigners failed \[CLIQUE_RPC_FAILED\]/)
  })

  it('health: one sealer sealing every block in turn, and exit 1 because one failure halts the chain', async () => {
    const result = await cli(['clique', 'health', '--rpc', sealerUrl, '--blocks', '4', '--json'])
    assert.equal(result.code, 1)
    assert.match(result.stderr, /clique health: reading the last 4 blocks from http/)
    const health = JSON.parse(result.stdout)
    assert.equal(BigInt(health.from), BigInt(health.head) - 3n)
    assert.deepEqual(health.signers, [
      { address: sealer, lastSealed: health.head, inTurn: 4, outOfTurn: 0, missedTurns: 0 },
    ])
    assert.equal(health.quorum, 1)
    assert.equal(health.live, 1)
    assert.equal(health.atRisk, true)
    assert.equal(health.forkStall, null)
    assert.deepEqual(health.warnings, [
      '1 of 1 signers live, exactly the quorum of 1: one more failure halts the chain',
    ])

    // With the sealer's own RPC the heads are compared too: one sealer cannot be in a fork stall.
    const withSealers = await cli([
      'clique',
      'health',
      '--rpc',
      sealerUrl,
      '--blocks',
      '2',
      '--sealer-rpc',
      sealerUrl,
      '--period',
      '1',
      '--json',
    ])
    assert.equal(withSealers.code, 1, withSealers.stderr)
    assert.equal(JSON.parse(withSealers.stdout).forkStall, null)

    // The public node has no clique API: the signer set comes from --signers, the seals from eth_*.
    const table = await cli([
      'clique',
      'health',
      '--rpc',
      net.rpc?.rpcUrl as string,
      '--blocks',
      '3',
      '--signers',
      sealer,
    ])
    assert.equal(table.code, 1, table.stderr)
    assert.match(table.stdout, /: 1 of 1 signers live, quorum 1\n/)
    assert.match(table.stdout, new RegExp(`${sealer} +\\d+ +3 +0 +0\n`))
    assert.match(table.stdout, /warning: 1 of 1 signers live, exactly the quorum of 1/)
  })

  it("propose: a vote over IPC with --drop, discarded, then one to add over HTTP; the sole signer's vote passes", async () => {
    const drop = await chainops(['clique', 'propose', '--rpc', ipcPath, '--address', candidate, '--drop', '--json'])
    assert.equal(drop.code, 0, drop.stderr)
    assert.deepEqual(JSON.parse(drop.stdout), { address: candidate, auth: false, rpc: ipcPath })
    assert.deepEqual(await rpc(sealerUrl, 'clique_proposals'), { [candidate.toLowerCase()]: false })
    const discarded = await chainops(['clique', 'discard', '--rpc', ipcPath, '--address', candidate])
    assert.equal(discarded.code, 0, discarded.stderr)
    assert.match(discarded.stdout, new RegExp(`discarded the vote about ${candidate}`))
    assert.deepEqual(await rpc(sealerUrl, 'clique_proposals'), {})

    const add = await chainops(['clique', 'propose', '--rpc', sealerUrl, '--address', candidate.toLowerCase()])
    assert.equal(add.code, 0, add.stderr)
    assert.match(add.stdout, new RegExp(`voted to add ${candidate} on ${sealerUrl}`))

    await pollUntil({
      description: 'the candidate among the signers',
      condition: async () => (await cli(['clique', 'signers', '--rpc', sealerUrl])).stdout.includes(candidate),
    })
    const signers = JSON.parse((await cli(['clique', 'signers', '--rpc', sealerUrl, '--json'])).stdout)
    assert.deepEqual(
      signers,
      [candidate, sealer].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)),
    )

    // Two signers, one of them a key nobody runs: the chain halts and health says so.
    const health = JSON.parse((await cli(['clique', 'health', '--rpc', sealerUrl, '--blocks', '2', '--json'])).stdout)
    assert.equal(health.quorum, 2)
    assert.equal(health.live, 1)
    assert.ok(
      health.warnings.includes('only 1 of 2 signers sealed recently, below the quorum of 2: the chain halts'),
      health.warnings.join('\n'),
    )
  })
})
