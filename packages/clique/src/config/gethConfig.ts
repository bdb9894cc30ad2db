import { getAddress, type Hex, isAddress } from 'viem'
import { CliqueError } from '../errors/CliqueError.ts'

/** Modules a public RPC endpoint may expose. Everything else (clique, admin, personal, debug, miner, txpool, …) stays off it. */
export const PUBLIC_RPC_MODULES = ['eth', 'net', 'web3'] as const
/** Modules that must never be reachable over a public endpoint. */
export const FORBIDDEN_RPC_MODULES = ['clique', 'admin', 'personal', 'debug', 'miner', 'txpool', 'engine'] as const

export type GethNodeSpec = {
  /** A unique name, e.g. `sealer-a` or `rpc-1`. */
  name: string
  role: 'sealer' | 'rpc'
  /** The address other nodes dial: a private IP, or a DNS name geth must resolve when it starts. */
  host: string
  /** The node's enode id: its 64-byte public key (see enodeIdFromNodeKey). */
  enodeId: Hex
  /** Availability zone, for the record. */
  zone?: string
  p2pPort?: number
  /** RPC nodes only. Default 8545. */
  httpPort?: number
  /** Sealers only: the signer account, unlocked from the node's keystore. */
  signer?: string
}

export type TxPoolLimits = {
  priceLimit?: bigint
  priceBump?: bigint
  accountSlots?: number
  globalSlots?: number
  accountQueue?: number
  globalQueue?: number
  /** Seconds a non-executable transaction stays queued. */
  lifetimeSeconds?: number
}

export type GethConfigParameters = {
  networkId: number
  nodes: readonly GethNodeSpec[]
  /** The sealers' gas ceiling (miner.gaslimit): geth moves each block's limit toward it. Use planCapacity. */
  gasLimit: bigint
  dataDir?: string
  /** Where RPC nodes listen for HTTP. Default `0.0.0.0` (behind the load balancer). */
  rpcHttpHost?: string
  /** HTTP Host headers RPC nodes accept. Default `["*"]` (the load balancer's name varies). */
  rpcVirtualHosts?: readonly string[]
  /** Modules RPC nodes expose; a subset of eth, net, web3. Default all three. */
  rpcModules?: readonly string[]
  txPool?: TxPoolLimits
  maxPeers?: number
  /**
   * Every node dials all of its static peers and trusts them (`DialRatio = 1`, `TrustedNodes` =
   * the static nodes), so a closed network forms its full mesh even with `maxPeers` as low as the
   * number of other nodes. Default false.
   */
  fullMesh?: boolean
}

export type GethNodeConfig = {
  name: string
  role: 'sealer' | 'rpc'
  enode: string
  /** The `--config` file. */
  toml: string
  /** Flags that cannot live in the TOML (sealing and unlocking), after `--config <file>`. */
  args: string[]
  staticNodes: string[]
  bootnodes: string[]
}

export type GethConfigReturnType = { nodes: GethNodeConfig[] }

function fail(path: string, shortMessage: string, details?: string): never {
  throw new CliqueError({ code: 'CLIQUE_CONFIG_INVALID', shortMessage, path, details })
}

function port(value: number | undefined, fallback: number, path: string): number {
  const p = value ?? fallback
  if (!Number.isInteger(p) || p < 1 || p > 65535) fail(path, 'port must be an integer from 1 to 65535', `got ${p}`)
  return p
}

const tomlString = (value: string) => JSON.stringify(value)
const tomlList = (values: readonly string[]) => `[${values.map(tomlString).join(', ')}]`

/**
 * geth v1.13 configs for a Clique network: N sealers (no HTTP at all; IPC only, so `clique_*`
 * and the unlocked signer are reachable only on the box) and RPC nodes whose HTTP exposes
 * eth, net and web3 and nothing else. Every node lists every other node as static peer and the
 * sealers as bootnodes, so the network forms without public discovery.
 */
export function gethConfig(parameters: GethConfigParameters): GethConfigReturnType {
  const {
    networkId,
    nodes,
    gasLimit,
    dataDir = '/var/lib/geth',
    rpcHttpHost = '0.0.0.0',
    rpcVirtualHosts = ['*'],
    rpcModules = PUBLIC_RPC_MODULES,
    txPool = {},
    maxPeers = 50,
    fullMesh = false,
  } = parameters
  if (!Number.isSafeInteger(networkId) || networkId < 1) fail('networkId', 'networkId must be a positive integer')
  if (typeof gasLimit !== 'bigint' || gasLimit < 5000n || gasLimit > 2n ** 63n - 1n)
    fail('gasLimit', 'gasLimit must be a bigint from 5000 to 2^63-1')
  if (!Number.isSafeInteger(maxPeers) || maxPeers < 1) fail('maxPeers', 'maxPeers must be a positive integer')
  if (typeof fullMesh !== 'boolean') fail('fullMesh', 'fullMesh must be a boolean')
  if (!nodes.some((n) => n.role === 'sealer')) fail('nodes', 'at least one sealer is needed')
  for (const [i, module] of rpcModules.entries()) {
    if (!(PUBLIC_RPC_MODULES as readonly string[]).includes(module)) {
      fail(
        `rpcModules.${i}`,
        `module ${module} must not be exposed on a public RPC endpoint`,
        `allowed: ${PUBLIC_RPC_MODULES.join(', ')}`,
      )
    }
  }

  const names = new Set<string>()
  const ids = new Set<string>()
  const enodes = nodes.map((node, i) => {
    const path = `nodes.${i}`
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(node.name))
      fail(`${path}.name`, 'node name must be 1-64 letters, digits, dot, dash or underscore')
    if (names.has(node.name)) fail(`${path}.name`, `node name ${node.name} is used twice`)
    names.add(node.name)
    if (node.role !== 'sealer' && node.role !== 'rpc') fail(`${path}.role`, 'role must be sealer or rpc')
    if (!/^0x[0-9a-fA-F]{128}$/.test(node.enodeId))
      fail(`${path}.enodeId`, 'enodeId must be the 64-byte node public key in hex')
    const id = node.enodeId.slice(2).toLowerCase()
    if (ids.has(id)) fail(`${path}.enodeId`, 'two nodes share an enode id (copied nodekey?)')
    ids.add(id)
    if (!/^[A-Za-z0-9.-]{1,253}$/.test(node.host)) fail(`${path}.host`, 'host must be an IPv4 address or DNS name')
    if (node.role === 'sealer') {
      if (!node.signer || !isAddress(node.signer, { strict: false }))
        fail(`${path}.signer`, 'a sealer needs its signer address')
    } else if (node.signer !== undefined) fail(`${path}.signer`, 'an RPC node must not hold a signer key')
    port(node.httpPort, 8545, `${path}.httpPort`)
    return `enode://${id}@${node.host}:${port(node.p2pPort, 30303, `${path}.p2pPort`)}`
  })
  const signers = nodes.filter((n) => n.role === 'sealer').map((n) => getAddress(n.signer as string))
  if (new Set(signers).size !== signers.length) fail('nodes', 'two sealers use the same signer address')
  const bootnodes = enodes.filter((_, i) => nodes[i]?.role === 'sealer')

  const txPoolLines: string[] = []
  const pool: [keyof TxPoolLimits, string][] = [
    ['priceLimit', 'PriceLimit'],
    ['priceBump', 'PriceBump'],
    ['accountSlots', 'AccountSlots'],
    ['globalSlots', 'GlobalSlots'],
    ['accountQueue', 'AccountQueue'],
    ['globalQueue', 'GlobalQueue'],
  ]
  for (const [key, name] of pool) {
    const value = txPool[key]
    if (value === undefined) continue
    if (
      (typeof value !== 'number' && typeof value !== 'bigint') ||
      value < 0 ||
      (typeof value === 'number' && !Number.isSafeInteger(value))
    ) {
      fail(`txPool.${key}`, `${key} must be a non-negative integer`)
    }
    txPoolLines.push(`${name} = ${value}`)
  }
  if (txPool.lifetimeSeconds !== undefined) {
    if (!Number.isSafeInteger(txPool.lifetimeSeconds) || txPool.lifetimeSeconds < 1)
      fail('txPool.lifetimeSeconds', 'lifetimeSeconds must be a positive integer')
    // geth reads a time.Duration from TOML as nanoseconds.
    txPoolLines.push(`Lifetime = ${BigInt(txPool.lifetimeSeconds) * 1_000_000_000n}`)
  }

  return {
    nodes: nodes.map((node, i) => {
      const enode = enodes[i] as string
      const staticNodes = enodes.filter((_, j) => j !== i)
      const p2pPort = port(node.p2pPort, 30303, `nodes.${i}.p2pPort`)
      const sealer = node.role === 'sealer'
      const lines = [
        `# ${node.name}: ${sealer ? 'Clique sealer' : 'public RPC node'}${node.zone ? ` in ${node.zone}` : ''}, generated by @chainops/clique`,
        '[Eth]',
        `NetworkId = ${networkId}`,
        'SyncMode = "full"',
        '',
        '[Eth.Miner]',
        `GasCeil = ${gasLimit}`,
        ...(sealer ? [`Etherbase = ${tomlString(getAddress(node.signer as string))}`] : []),
        '',
        '[Eth.TxPool]',
        'NoLocals = true',
        ...txPoolLines,
        '',
        '[Node]',
        `DataDir = ${tomlString(dataDir)}`,
        'IPCPath = "geth.ipc"',
        ...(sealer
          ? [
              '# No HTTP or WebSocket: clique_* and the unlocked signer are reachable over IPC on this host only.',
              'HTTPHost = ""',
              'WSHost = ""',
            ]
          : [
              `HTTPHost = ${tomlString(rpcHttpHost)}`,
              `HTTPPort = ${port(node.httpPort, 8545, `nodes.${i}.httpPort`)}`,
              `HTTPModules = ${tomlList(rpcModules)}`,
              `HTTPVirtualHosts = ${tomlList(rpcVirtualHosts)}`,
              'WSHost = ""',
            ]),
        '',
        '[Node.P2P]',
        `MaxPeers = ${maxPeers}`,
        `ListenAddr = ":${p2pPort}"`,
        `BootstrapNodes = ${tomlList(bootnodes.filter((b) => b !== enode))}`,
        '# Without this geth fills in the mainnet discv5 bootnodes.',
        'BootstrapNodesV5 = []',
        `StaticNodes = ${tomlList(staticNodes)}`,
        ...(fullMesh ? ['DialRatio = 1', `TrustedNodes = ${tomlList(staticNodes)}`] : []),
        '',
      ]
      const args = sealer
        ? [
            '--mine',
            '--miner.etherbase',
            getAddress(node.signer as string),
            '--unlock',
            getAddress(node.signer as string),
            '--password',
            `${dataDir}/signer.password`,
          ]
        : []
      return { name: node.name, role: node.role, enode, toml: lines.join('\n'), args, staticNodes, bootnodes }
    }),
  }
}
