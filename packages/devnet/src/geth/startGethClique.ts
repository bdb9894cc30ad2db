import { randomBytes } from 'node:crypto'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { enodeIdFromNodeKey, type GethNodeSpec, gethConfig, toGenesisJson } from '@chainops/clique'
import { Secret } from '@chainops/core'
import type { Hex } from 'viem'
import { generatePrivateKey } from 'viem/accounts'
import { DevnetError } from '../DevnetError.ts'
import { daemonBinary } from '../process/daemonBinary.ts'
import { freePort } from '../process/freePort.ts'
import { tempDir } from '../process/tempDir.ts'
import type { GethCliqueNetwork } from './GethCliqueNetwork.ts'
import type { GethNode, GethNodePorts } from './GethNode.ts'
import { GethNodeProcess } from './GethNodeProcess.ts'
import { gethIpcPath } from './gethIpcPath.ts'
import { gethNodeArgs } from './gethNodeArgs.ts'
import { gethRpcRequest } from './gethRpcRequest.ts'
import { importGethAccount } from './importGethAccount.ts'
import { type ResolvedGethCliqueOptions, resolveGethCliqueOptions } from './resolveGethCliqueOptions.ts'
import { runGethCommand } from './runGethCommand.ts'
import type { StartGethCliqueParameters } from './StartGethCliqueParameters.ts'

export type { GethCliqueNetwork }

export type StartGethCliqueReturnType = GethCliqueNetwork

export type StartGethCliqueErrorType = DevnetError

/**
 * Starts a real geth v1.13.15 Clique network on 127.0.0.1: `sealers` sealing nodes and, unless
 * `rpcNode: false`, one non-sealing node with a public API, fully meshed through static peers.
 * Resolves once every node answers RPC, has peered with all others and has a block above 0.
 * If any step fails, everything already started is stopped and the error (with the log tail of
 * the geth that failed) is rethrown.
 */
export async function startGethClique(options: StartGethCliqueParameters): Promise<StartGethCliqueReturnType> {
  const o = resolveGethCliqueOptions(options)
  const binary = daemonBinary('geth')
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(o, binary)
    } catch (error) {
      // A free port can be taken by another process between freePort() and geth binding it.
      // Every node's enode names its port, so the whole network starts again on fresh ports
      // (only in a temp dir of our own: a caller's dir still holds the failed attempt).
      if (attempt < maxAttempts && o.dir === undefined && isPortClash(error)) continue
      throw error
    }
  }
}

const maxAttempts = 3

/** How long a sealer start is given to produce a block before its miner is kicked again. */
const sealingKickMs = 8000

/**
 * Unlocks the sealers and starts their miners, and does it again (with a fresh vanity) while
 * `progressed` stays false: geth 1.13 now and then leaves a miner idle after the stop/start of
 * `unlockAndSeal` (no new sealing work is ever committed), which would halt a chain whose only
 * live sealer it is. Returns once progress is seen or `timeoutMs` is spent (the caller's own wait
 * then reports the failure with the log).
 */
async function startSealing(
  sealers: readonly GethNodeProcess[],
  password: Secret<string>,
  progressed: () => Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (let attempt = 0; Date.now() < deadline; attempt++) {
    await Promise.all(sealers.map((node) => node.unlockAndSeal(password, attempt)))
    const until = Math.min(deadline, Date.now() + sealingKickMs)
    while (Date.now() < until) {
      if (await progressed().catch(() => false)) return
      await sleep(200)
    }
  }
}

/**
 * Node `index`'s `--config` TOML from @chainops/clique's `gethConfig`: every other node a static
 * and trusted peer, and MaxPeers exactly their number. Why: geth only starts a chain sync early
 * once it has min(5, MaxPeers) peers (otherwise it waits for a forced sync every 10 s), so a node
 * that missed the first blocks catches up at once; `fullMesh` lets it dial and accept them all.
 * The command line (`gethNodeArgs`) then pins everything to loopback and this node's ports.
 */
function devnetNodeConfig(
  o: ResolvedGethCliqueOptions,
  specs: readonly GethNodeSpec[],
  index: number,
  datadir: string,
): { toml: string; enode: string } {
  const { nodes } = gethConfig({
    networkId: o.chainId,
    nodes: specs,
    gasLimit: o.gasLimit,
    dataDir: datadir,
    rpcHttpHost: '127.0.0.1',
    // geth's own default: the devnet serves tests on this machine, by name or by address.
    rpcVirtualHosts: ['localhost'],
    maxPeers: Math.max(1, specs.length - 1),
    fullMesh: true,
  })
  const node = nodes[index]
  if (!node) throw new DevnetError({ code: 'DEVNET_STATE', shortMessage: `no geth config for node ${index}` })
  return { toml: node.toml, enode: node.enode }
}

function isPortClash(error: unknown): boolean {
  return error instanceof DevnetError && /address already in use/.test(error.details ?? '')
}

async function startOnce(o: ResolvedGethCliqueOptions, binary: string): Promise<GethCliqueNetwork> {
  const genesis = o.genesis
  const ownsDir = o.dir === undefined
  const dir = o.dir === undefined ? await tempDir(o.label) : resolve(o.dir)
  if (!ownsDir) await mkdir(dir, { recursive: true })

  const password = new Secret(randomBytes(16).toString('hex'))
  const failures: string[] = []
  const nodes: GethNodeProcess[] = []
  let stopped = false

  const stopAll = async (): Promise<void> => {
    await Promise.all(nodes.map((node) => node.stop()))
  }
  const removeDir = async (): Promise<void> => {
    // Sockets that did not fit in a datadir live in the OS temp dir; geth leaves them on SIGKILL.
    await Promise.all(
      nodes.map((node) => (node.ipcPath.startsWith(dir) ? undefined : rm(node.ipcPath, { force: true }))),
    )
    if (ownsDir && !(o.keepDirOnFailure && failures.length > 0)) await rm(dir, { recursive: true, force: true })
  }

  try {
    const genesisPath = join(dir, 'genesis.json')
    await writeFile(genesisPath, `${JSON.stringify(toGenesisJson(genesis), null, 2)}\n`)
    const passwordFile = join(dir, 'password.txt')
    await writeFile(passwordFile, password.reveal(), { mode: 0o600 })

    // Sealers, then candidates (sealing nodes the genesis does not list), then the RPC node.
    const sealingKeys = [...o.sealerKeys, ...o.candidateKeys]
    const sealingAddresses = [...o.sealerAddresses, ...o.candidateAddresses]
    const sealing = sealingKeys.length
    const count = sealing + (o.rpcNode ? 1 : 0)
    const specs: Array<GethNodeSpec & { nodeKey: Secret<Hex>; ports: GethNodePorts }> = []
    for (let index = 0; index < count; index++) {
      const role = index < sealing ? 'sealer' : 'rpc'
      const ports: GethNodePorts = { p2p: await freePort(), http: await freePort(), authrpc: await freePort() }
      if (o.ws) ports.ws = await freePort()
      const nodeKey = new Secret(generatePrivateKey())
      const signer = sealingAddresses[index]
      specs.push({
        name:
          role === 'rpc'
            ? `${o.label}-rpc`
            : index < o.sealers
              ? `${o.label}-sealer-${index}`
              : `${o.label}-candidate-${index - o.sealers}`,
        role,
        host: '127.0.0.1',
        enodeId: enodeIdFromNodeKey(nodeKey),
        p2pPort: ports.p2p,
        httpPort: ports.http,
        ...(role === 'sealer' && signer ? { signer } : {}),
        nodeKey,
        ports,
      })
    }

    await Promise.all(
      specs.map(async (spec, index) => {
        const nodeDir = join(dir, spec.name.slice(o.label.length + 1))
        const datadir = join(nodeDir, 'data')
        await mkdir(datadir, { recursive: true })
        const ipcPath = gethIpcPath(datadir)
        const configPath = join(nodeDir, 'config.toml')
        const config = devnetNodeConfig(o, specs, index, datadir)
        await writeFile(configPath, config.toml)
        await runGethCommand(binary, ['init', '--datadir', datadir, genesisPath], `init of ${spec.name}`)
        const sealerKey = spec.role === 'sealer' ? sealingKeys[index] : undefined
        const address = spec.role === 'sealer' ? sealingAddresses[index] : undefined
        if (sealerKey && address) await importGethAccount({ binary, datadir, privateKey: sealerKey, passwordFile })
        const args = gethNodeArgs({
          role: spec.role,
          datadir,
          ipcPath,
          configPath,
          nodeKey: spec.nodeKey,
          ports: spec.ports,
          extraArgs: o.extraArgs,
        })
        nodes[index] = new GethNodeProcess({
          name: spec.name,
          index,
          role: spec.role,
          ...(address ? { address } : {}),
          binary,
          args,
          enode: config.enode,
          datadir,
          ipcPath,
          logPath: join(nodeDir, 'geth.log'),
          ports: spec.ports,
          onUnexpectedExit: (node, code) => {
            failures.push(`${node.name} (pid ${node.pid}) exited with code ${code}; log ${node.logPath}`)
          },
        })
      }),
    )

    for (const node of nodes) node.start()
    const timeout = o.readyTimeoutMs
    await Promise.all(nodes.map((node) => node.waitForRpc(o.chainId, timeout)))
    await Promise.all(nodes.map((node) => node.waitForPeers(nodes.length - 1, timeout)))
    const sealers = nodes.filter((node) => node.role === 'sealer')
    await Promise.all(sealers.map((node) => node.armSealing(timeout)))
    await startSealing(sealers, password, async () => (await nodes[0]?.head()) !== 0n, timeout)
    await Promise.all(nodes.map((node) => node.waitForBlockAbove(0n, timeout)))

    const nodeAt = (index: number): GethNodeProcess => {
      const node = Number.isInteger(index) ? nodes[index] : undefined
      if (!node) {
        throw new DevnetError({
          code: 'DEVNET_BAD_OPTIONS',
          shortMessage: `no node ${index}`,
          details: `this network has nodes 0 to ${nodes.length - 1}`,
        })
      }
      return node
    }
    const rpc = o.rpcNode ? nodes[sealing] : undefined

    const network: GethCliqueNetwork = {
      chainId: o.chainId,
      period: o.period,
      genesis,
      genesisPath,
      dir,
      sealers: nodes.slice(0, o.sealers),
      candidates: nodes.slice(o.sealers, sealing),
      ...(rpc ? { rpc } : {}),
      nodes: [...nodes],
      faucet: { address: o.faucet.address, privateKey: o.faucet.privateKey },
      failures,
      async stopNode(index) {
        await nodeAt(index).stop()
      },
      async startNode(index) {
        if (stopped) throw new DevnetError({ code: 'DEVNET_STATE', shortMessage: 'the network was stopped' })
        const node = nodeAt(index)
        const others = nodes.filter((other) => other !== node && other.running)
        // The head the rest of the network has now; the node is ready once it has caught up.
        const heads = await Promise.all(
          others.map(async (other) => BigInt(await gethRpcRequest<string>(other.rpcUrl, 'eth_blockNumber'))),
        )
        let target = 0n
        for (const head of heads) if (head > target) target = head
        node.start()
        try {
          await node.waitForRpc(o.chainId, timeout)
          await node.waitForPeers(others.length, timeout)
          if (node.role === 'sealer') {
            await node.armSealing(timeout)
            const from = await node.head()
            await startSealing([node], password, async () => (await node.head()) > from, timeout)
          }
          await node.waitForBlockAtLeast(target, timeout)
        } catch (error) {
          await node.stop()
          throw error
        }
        return node as GethNode
      },
      pids() {
        return nodes.flatMap((node) => node.pids)
      },
      async stop() {
        if (stopped) return
        stopped = true
        await stopAll()
        await removeDir()
      },
    }
    return network
  } catch (error) {
    failures.push(error instanceof Error ? error.message : String(error))
    await stopAll()
    await removeDir()
    throw error
  }
}
