import type { Secret } from '@chainops/core'
import type { Hex } from 'viem'
import type { GethNodePorts } from './GethNode.ts'

export type GethNodeArgsParameters = {
  role: 'sealer' | 'rpc'
  datadir: string
  /** The IPC socket; the harness starts sealing through it (`miner_start`). */
  ipcPath: string
  /** The `--config` TOML (network id, sync mode, gas ceiling, etherbase, peers). */
  configPath: string
  nodeKey: Secret<Hex>
  ports: GethNodePorts
  extraArgs: readonly string[]
}

// Sealers expose the operator namespaces; the RPC node is what a public endpoint would be.
const sealerApis = 'eth,net,web3,clique,admin,txpool'
const publicApis = 'eth,net,web3'

/**
 * The command line of one devnet geth, after its `--config`: loopback only, no discovery, fixed
 * node key and ports. Flags win over the TOML, so these pin what the TOML leaves to production.
 */
export function gethNodeArgs(parameters: GethNodeArgsParameters): string[] {
  const { role, datadir, ipcPath, configPath, nodeKey, ports, extraArgs } = parameters
  const apis = role === 'sealer' ? sealerApis : publicApis
  const args = [
    '--config',
    configPath,
    '--datadir',
    datadir,
    '--nat',
    'none',
    '--nodiscover',
    '--port',
    String(ports.p2p),
    '--nodekeyhex',
    nodeKey.reveal().slice(2),
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
    // The production TOML treats every transaction as remote (NoLocals); the devnet keeps geth's
    // default, under which transactions sent to a node are local to it.
    '--txpool.nolocals=false',
    '--verbosity',
    '3',
  ]
  if (ports.ws !== undefined) {
    args.push('--ws', '--ws.addr', '127.0.0.1', '--ws.port', String(ports.ws), '--ws.api', apis)
  }
  // No `--mine` and no `--unlock`: the harness starts sealing over IPC once every node has
  // peered (see GethNodeProcess.armSealing for why the order matters). The personal namespace
  // (deprecated in 1.13) is enabled for that unlock; it is served on IPC only, never on HTTP.
  if (role === 'sealer') args.push('--allow-insecure-unlock', '--rpc.enabledeprecatedpersonal')
  args.push(...extraArgs)
  return args
}
