import assert from 'node:assert/strict'
import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { createConnection } from 'node:net'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { promisify } from 'node:util'
import { buildGenesis, enodeIdFromNodeKey, toGenesisJson } from '@chainops/clique'
import { Secret } from '@chainops/core'
import { daemonBinary, freePort, tempDir } from '@chainops/devnet'
import { App, Stack } from 'aws-cdk-lib'
import * as ec2 from 'aws-cdk-lib/aws-ec2'
import { CliqueSealers } from '../src/index.ts'
import { sealerEnodeIds } from './stackConfigInput.ts'

const zones = ['ap-northeast-1a', 'ap-northeast-1c', 'ap-northeast-1d']
const signers = ['a1', 'b2', 'c3'].map((byte) => `0x${byte.repeat(20)}` as const)

class PinnedZonesStack extends Stack {
  override get availabilityZones(): string[] {
    return zones
  }
}

/** The construct alone in a bare stack: its configs are what the servers' user data carries. */
function sealersConstruct(
  nodes: { signer: `0x${string}`; enodeId: `0x${string}` }[] = signers.map((signer, i) => ({
    signer,
    enodeId: sealerEnodeIds[i] as `0x${string}`,
  })),
  dataDir?: string,
): CliqueSealers {
  const stack = new PinnedZonesStack(new App(), 'Sealers', {
    env: { account: '123456789012', region: 'ap-northeast-1' },
  })
  const vpc = new ec2.Vpc(stack, 'Vpc', {
    availabilityZones: zones,
    natGateways: 1,
    restrictDefaultSecurityGroup: false,
  })
  return new CliqueSealers(stack, 'Sealers', {
    vpc: vpc as ec2.IVpc,
    availabilityZones: zones,
    nodes: nodes.map((node, i) => ({
      ...node,
      parameters: { nodeKey: `/s${i}/nodekey`, keystore: `/s${i}/keystore`, password: `/s${i}/password` },
    })),
    ...(dataDir === undefined ? {} : { dataDir }),
    chain: { networkId: 2789, gasLimit: 30_000_000n, genesis: { bucket: 'b', key: 'genesis.json' } },
    geth: { bucket: 'b', key: 'geth' },
    machineImage: ec2.MachineImage.genericLinux({ 'ap-northeast-1': 'ami-12345678' }),
  })
}

async function rpc(url: string, method: string): Promise<{ result?: unknown; error?: { code: number } }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params: [] }),
  })
  return (await response.json()) as { result?: unknown; error?: { code: number } }
}

/** One JSON-RPC call over geth's IPC socket. */
function ipc(path: string, method: string): Promise<{ result?: unknown }> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(path)
    let data = ''
    socket.on('data', (chunk) => {
      data += chunk
      if (data.includes('\n')) {
        socket.end()
        resolve(JSON.parse(data))
      }
    })
    socket.on('error', reject)
    socket.write(`${JSON.stringify({ jsonrpc: '2.0', id: 1, method, params: [] })}\n`)
  })
}

/** The TCP ports a process listens on: its socket inodes matched against /proc/net/tcp{,6} LISTEN rows. */
function listeningPorts(pid: number): number[] {
  const inodes = new Set(
    readdirSync(`/proc/${pid}/fd`)
      .map((fd) => {
        try {
          return /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1]
        } catch {
          return undefined
        }
      })
      .filter((inode) => inode !== undefined),
  )
  const ports = new Set<number>()
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const row of readFileSync(table, 'utf8').trim().split('\n').slice(1)) {
      const fields = row.trim().split(/\s+/)
      if (fields[3] === '0A' && inodes.has(fields[9] as string))
        ports.add(Number.parseInt(fields[1]?.split(':')[1] as string, 16))
    }
  }
  return [...ports].sort((a, b) => a - b)
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      const value = await probe()
      if (value !== undefined) return value
    } catch {}
    await sleep(250)
  }
  throw new Error(`timed out waiting for ${what}`)
}

describe('CliqueSealers configs run by a real geth v1.13.15', function () {
  this.timeout(180_000)
  const children: ChildProcess[] = []
  let sealers: CliqueSealers
  let genesisFile: string

  before(async () => {
    sealers = sealersConstruct()
    genesisFile = join(await tempDir('sealers-genesis'), 'genesis.json')
    await writeFile(genesisFile, JSON.stringify(toGenesisJson(buildGenesis({ chainId: 2789, sealers: signers }))))
  })
  afterEach(() => {
    for (const child of children.splice(0)) {
      if (child.pid !== undefined && child.exitCode === null && child.signalCode === null)
        process.kill(child.pid, 'SIGKILL')
    }
  })

  async function startGeth(toml: string, extraArgs: string[]) {
    const dir = await tempDir('sealers-geth')
    const config = join(dir, 'geth.toml')
    await writeFile(config, toml)
    const datadir = join(dir, 'data')
    await promisify(execFile)(daemonBinary('geth'), ['init', '--datadir', datadir, genesisFile])
    const [p2p, authrpc] = [await freePort(), await freePort()]
    // test isolation only: the data folder and ports move, everything else is the server's file
    const child = spawn(
      daemonBinary('geth'),
      [
        '--config',
        config,
        '--datadir',
        datadir,
        '--port',
        String(p2p),
        '--authrpc.port',
        String(authrpc),
        '--nat',
        'none',
        ...extraArgs,
      ],
      { stdio: 'ignore' },
    )
    children.push(child)
    return { child, datadir, p2p, authrpc }
  }

  it("the RPC geth's HTTP serves eth, net and web3 only: clique, admin, personal, miner, debug, txpool are not there", async () => {
    const httpPort = await freePort()
    const { child, p2p, authrpc } = await startGeth(sealers.rpcConfig.toml, [
      '--http.addr',
      '127.0.0.1',
      '--http.port',
      String(httpPort),
    ])
    const url = `http://127.0.0.1:${httpPort}`
    const modules = await until('the RPC geth', async () => (await rpc(url, 'rpc_modules')).result)
    assert.deepEqual(Object.keys(modules as object).sort(), ['eth', 'net', 'rpc', 'web3'])
    // the same probe that finds no HTTP on the sealer finds it here
    assert.deepEqual(
      listeningPorts(child.pid as number),
      [p2p, authrpc, httpPort].sort((a, b) => a - b),
    )
    assert.deepEqual(await rpc(url, 'net_version'), { jsonrpc: '2.0', id: 1, result: '2789' })
    assert.deepEqual((await rpc(url, 'eth_blockNumber')).result, '0x0')
    for (const method of [
      'clique_getSigners',
      'clique_propose',
      'admin_peers',
      'personal_listAccounts',
      'miner_start',
      'debug_traceBlockByNumber',
      'txpool_content',
    ]) {
      assert.equal((await rpc(url, method)).error?.code, -32601, method)
    }
  })

  it('the sealer listens on no HTTP or WS port (only p2p and the local engine API) and serves clique over IPC only', async () => {
    const sealer = sealers.sealerConfigs[0]
    assert.ok(sealer)
    // without --mine/--unlock (no keystore here): the listeners come from the TOML alone
    const { child, datadir, p2p, authrpc } = await startGeth(sealer.toml, [])
    const socket = join(datadir, 'geth.ipc')
    await until('the sealer IPC', async () => (existsSync(socket) ? true : undefined))
    const modules = await until('rpc_modules over IPC', async () => (await ipc(socket, 'rpc_modules')).result)
    assert.ok('clique' in (modules as object))
    assert.deepEqual(
      listeningPorts(child.pid as number),
      [p2p, authrpc].sort((a, b) => a - b),
    )
  })

  it("seals with the server's own command line: the ExecStart of geth-sealer unlocks the signer and mines", async () => {
    // the key of address 0x7E5F…Bdf (private key 1) signs; its node key is 0x4c4c…
    const signer = '0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf'
    const nodeKey = '4c'.repeat(32)
    const data = await tempDir('sealer-data')
    const construct = sealersConstruct([{ signer, enodeId: enodeIdFromNodeKey(new Secret(nodeKey)) }], data)
    const script = (construct.instances[0] as ec2.Instance).userData.render()
    const execStart = /^ExecStart=(\/usr\/local\/bin\/geth --config \/etc\/geth\/sealer\.toml .*)$/m.exec(script)?.[1]
    assert.ok(execStart, script)
    const [binary, , , ...args] = execStart.split(' ')
    assert.equal(binary, '/usr/local/bin/geth')
    const dir = await tempDir('sealer-config')
    const config = join(dir, 'sealer.toml')
    await writeFile(config, construct.sealerConfigs[0]?.toml ?? '')
    const genesis = buildGenesis({ chainId: 2789, sealers: [signer], period: 1 })
    await writeFile(join(dir, 'genesis.json'), JSON.stringify(toGenesisJson(genesis)))
    // what the boot script puts in place from SSM: the signer in the keystore, its password, the node key
    const sealerDir = join(data, 'sealer')
    await mkdir(join(sealerDir, 'geth'), { recursive: true })
    await writeFile(join(dir, 'key'), `${'0'.repeat(63)}1`)
    await writeFile(join(sealerDir, 'signer.password'), 'correct horse')
    await writeFile(join(sealerDir, 'geth', 'nodekey'), nodeKey)
    const geth = daemonBinary('geth')
    const run = promisify(execFile)
    await run(geth, [
      'account',
      'import',
      '--datadir',
      sealerDir,
      '--password',
      join(sealerDir, 'signer.password'),
      join(dir, 'key'),
    ])
    await run(geth, ['init', '--datadir', sealerDir, join(dir, 'genesis.json')])
    const [p2p, authrpc] = [await freePort(), await freePort()]
    // the server's flags as they are; only the ports move (other devnets run on this machine)
    const child = spawn(geth, ['--config', config, ...args, '--port', String(p2p), '--authrpc.port', String(authrpc)], {
      stdio: 'ignore',
    })
    children.push(child)
    const socket = join(sealerDir, 'geth.ipc')
    await until('two sealed blocks', async () => {
      const result = (await ipc(socket, 'eth_blockNumber')).result as string | undefined
      return result !== undefined && BigInt(result) >= 2n ? true : undefined
    })
    assert.deepEqual((await ipc(socket, 'clique_getSigners')).result, [signer.toLowerCase()])
    const info = (await ipc(socket, 'admin_nodeInfo')).result as { enode: string }
    const id = enodeIdFromNodeKey(new Secret(nodeKey)).slice(2)
    // it advertises the fixed private IP its peers dial (--nat extip), with the configured identity
    const extip = args[args.indexOf('--nat') + 1]
    assert.match(extip ?? '', /^extip:10\.0\.\d+\.10$/)
    assert.ok(info.enode.startsWith(`enode://${id}@${extip?.slice('extip:'.length)}:`), info.enode)
    assert.deepEqual(
      listeningPorts(child.pid as number),
      [p2p, authrpc].sort((a, b) => a - b),
    )
  })
})
