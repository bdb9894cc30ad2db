import type { Address, Hex } from 'viem'
import type { GethNodePorts } from './GethNode.ts'

export type GethNodeArgsParameters = {
  role: 'sealer' | 'rpc'
  datadir: string
  /** The IPC socket; the harness starts sealing through it (`miner_start`). */
  ipcPath: string
  configPath: string
  chainId: number
  nodeKey: Hex
  ports: GethNodePorts
  gasLimit: bigint
  /** Sealer only: the account to seal with (in the node's keystore). */
  sealer?: { address: Address }
  extraArgs: readonly string[]
}

// Sealers expose the operator namespaces; the RPC node is what a public endpoint would be.
const sealerApis = 'eth,net,web3,clique,admin,txpool'
const publicApis = 'eth,net,web3'

/** The command line of one devnet geth: loopback only, no discovery, fixed node key and ports. */
export function gethNodeArgs(parameters: GethNodeArgsParameters): string[] {
  const { role, datadir, ipcPath, configPath, chainId, nodeKey, ports, gasLimit, sealer, extraArgs } = parameters
  const apis = role === 'sealer' ? sealerApis : publicApis
  const args = [
    '--config',
    configPath,
    '--datadir',
    datadir,
    '--networkid',
    String(chainId),
    '--syncmode',
    'full',
    '--nat',
    'none',
    '--nodiscover',
    '--port',
    String(ports.p2p),
    '--nodekeyhex',
    nodeKey.slice(2),
    '--http',
    '--http.addr',
    '127.0.0.1',
    '--http.port',
    String(ports.http),
    '--http.api',
    apis,
    '--authrpc.addr',
    '127.0.0.1',
    '--authrpc.port',
    String(ports.authrpc),
    '--ipcpath',
    ipcPath,
    // Keep the block gas limit where the genesis put it instead of drifting to geth's default.
    '--miner.gaslimit',
    gasLimit.toString(),
    '--verbosity',
    '3',
  ]
  if (ports.ws !== undefined) {
    args.push('--ws', '--ws.addr', '127.0.0.1', '--ws.port', String(ports.ws), '--ws.api', apis)
  }
  // No `--mine` and no `--unlock`: the harness starts sealing over IPC once every node has
  // peered (see GethNodeProcess.armSealing for why the order matters). The personal namespace
  // (deprecated in 1.13) is enabled for that unlock; it is served on IPC only, never on HTTP.
  if (sealer) {
    args.push('--miner.etherbase', sealer.address, '--allow-insecure-unlock', '--rpc.enabledeprecatedpersonal')
  }
  args.push(...extraArgs)
  return args
}
