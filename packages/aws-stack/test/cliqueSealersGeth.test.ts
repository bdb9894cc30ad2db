import assert from 'node:assert/strict'
import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { createConnection } from 'node:net'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { promisify } from 'node:util'
import { buildGenesis, toGenesisJson } from '@chainops/clique'
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
function sealersConstruct(): CliqueSealers {
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
    nodes: signers.map((signer, i) => ({
      signer,
      enodeId: sealerEnodeIds[i] as `0x${string}`,
      parameters: { nodeKey: `/s${i}/nodekey`, keystore: `/s${i}/keystore`, password: `/s${i}/password` },
    })),
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
})
