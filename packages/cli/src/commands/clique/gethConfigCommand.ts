import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { enodeIdFromNodeKey, type GethNodeSpec, gethConfig, planCapacity } from '@chainops/clique'
import { usageError } from '../../errors/usageError.ts'
import { loadOrCreateNodeKey } from '../../files/loadOrCreateNodeKey.ts'
import { writeOutputFile } from '../../files/writeOutputFile.ts'
import { addressListFlag } from '../../flags/addressListFlag.ts'
import { bigintFlag } from '../../flags/bigintFlag.ts'
import { integerFlag } from '../../flags/integerFlag.ts'
import { listFlag } from '../../flags/listFlag.ts'
import type { Command } from '../../framework/Command.ts'
import { formatTable } from '../../output/formatTable.ts'
import { toJsonText } from '../../output/toJsonText.ts'

export const gethConfigCommand: Command = {
  path: ['geth', 'config'],
  summary: 'per-node geth TOML for N sealers and M public RPC nodes (static peers, bootnodes, eth/net/web3 only)',
  usage:
    'chainops geth config --signers ADDR,... [--sealers N] [--rpc-nodes M] [--out-dir DIR] [--network-id N] [--gas-limit G | --target-tps N --period S] --hosts H,... [--zones Z,...] [--data-dir DIR] [--p2p-port P] [--http-port P] [--force] [--json]',
  options: {
    signers: {
      type: 'string',
      value: 'ADDR,...',
      description: 'the signer address of each sealer, in order',
      required: true,
    },
    sealers: {
      type: 'string',
      value: 'N',
      description: 'sealer nodes (must equal the --signers count)',
      default: 'one per --signers address',
    },
    'rpc-nodes': { type: 'string', value: 'M', description: 'public RPC nodes (eth, net and web3 only)', default: '1' },
    'out-dir': {
      type: 'string',
      value: 'DIR',
      description: 'where the .toml and .nodekey files go',
      default: 'geth-config',
    },
    'network-id': { type: 'string', value: 'N', description: 'the p2p network id', default: '2789' },
    'gas-limit': {
      type: 'string',
      value: 'G',
      description: 'the block gas limit the sealers aim for',
      default: '30000000',
    },
    'target-tps': {
      type: 'string',
      value: 'N',
      description: 'size the gas limit for N transfers a second instead (needs --period)',
      default: 'off: --gas-limit applies',
    },
    period: {
      type: 'string',
      value: 'S',
      description: 'seconds between blocks, for --target-tps',
      default: 'none (needed with --target-tps)',
    },
    hosts: {
      type: 'string',
      value: 'H,...',
      description: 'the private IP or DNS name of each node, sealers first',
      required: true,
    },
    zones: {
      type: 'string',
      value: 'Z,...',
      description: 'availability zones, spread over the nodes in turn',
      default: 'no zone in the config',
    },
    'data-dir': {
      type: 'string',
      value: 'DIR',
      description: "geth's data directory on each node",
      default: '/var/lib/geth',
    },
    'p2p-port': { type: 'string', value: 'P', description: 'the p2p port of every node', default: '30303' },
    'http-port': { type: 'string', value: 'P', description: "the RPC nodes' HTTP port", default: '8545' },
    force: { type: 'boolean', description: 'replace existing .toml files (an existing node key is always kept)' },
    json: { type: 'boolean', description: 'print the nodes (enode, files, args, peers) as JSON' },
  },
  help: [
    'Nodes are named sealer-1..N and rpc-1..M; --hosts names each in that order (geth resolves DNS names when it',
    'starts, so they must resolve there).',
    'Writes DIR/<name>.toml and DIR/<name>.nodekey (0600; an existing key is kept, so enodes stay stable).',
    'Sealers serve no HTTP (clique_* over IPC only); RPC nodes expose eth, net and web3 and nothing else.',
    'Run each node as: geth --config <name>.toml --nodekey <name>.nodekey <args>.',
  ].join('\n'),
  async run({ values, positionals, io }) {
    if (positionals.length > 0) throw usageError(`unexpected argument "${positionals[0]}"`)
    if (values.signers === undefined) throw usageError('--signers is required (one signer address per sealer)')
    const signers = addressListFlag(values.signers, 'signers')
    const sealers = integerFlag(values.sealers, 'sealers', signers.length, { min: 1, max: 64 }) as number
    if (sealers !== signers.length) {
      throw usageError(`--sealers ${sealers} but --signers lists ${signers.length} address(es)`)
    }
    const rpcNodes = integerFlag(values['rpc-nodes'], 'rpc-nodes', 1, { max: 64 }) as number
    if (values['gas-limit'] !== undefined && values['target-tps'] !== undefined) {
      throw usageError('give --gas-limit or --target-tps, not both')
    }
    const targetTps = integerFlag(values['target-tps'], 'target-tps', undefined, { min: 1 })
    if (targetTps !== undefined && values.period === undefined) throw usageError('--target-tps needs --period')
    const gasLimit =
      targetTps !== undefined
        ? planCapacity({ tps: targetTps, period: integerFlag(values.period, 'period', 5, { min: 1 }) as number })
            .gasLimit
        : (bigintFlag(values['gas-limit'], 'gas-limit', 30_000_000n, 5000n) as bigint)
    const names = [
      ...Array.from({ length: sealers }, (_, i) => `sealer-${i + 1}`),
      ...Array.from({ length: rpcNodes }, (_, i) => `rpc-${i + 1}`),
    ]
    const hosts = listFlag(values.hosts)
    if (hosts === undefined) {
      throw usageError(`--hosts is required: the address other nodes dial for each of ${names.join(', ')}`)
    }
    if (hosts.length !== names.length) {
      throw usageError(`--hosts lists ${hosts.length} host(s) for ${names.length} nodes (${names.join(', ')})`)
    }
    const zones = listFlag(values.zones)
    const p2pPort = integerFlag(values['p2p-port'], 'p2p-port', 30303, { min: 1, max: 65535 }) as number
    const httpPort = integerFlag(values['http-port'], 'http-port', 8545, { min: 1, max: 65535 }) as number
    const outDir = (values['out-dir'] as string | undefined) ?? 'geth-config'
    await mkdir(outDir, { recursive: true })

    const created: string[] = []
    const nodes: GethNodeSpec[] = []
    for (const [i, name] of names.entries()) {
      const { key, created: isNew } = await loadOrCreateNodeKey(join(outDir, `${name}.nodekey`))
      if (isNew) created.push(name)
      const sealer = i < sealers
      const zone = zones?.[i % zones.length]
      nodes.push({
        name,
        role: sealer ? 'sealer' : 'rpc',
        host: hosts[i] as string,
        enodeId: enodeIdFromNodeKey(key),
        p2pPort,
        ...(sealer ? { signer: signers[i] as string } : { httpPort }),
        ...(zone ? { zone } : {}),
      })
    }
    const config = gethConfig({
      networkId: integerFlag(values['network-id'], 'network-id', 2789, { min: 1 }) as number,
      nodes,
      gasLimit,
      ...(values['data-dir'] === undefined ? {} : { dataDir: values['data-dir'] as string }),
    })
    const files: { name: string; toml: string; nodekey: string }[] = []
    for (const node of config.nodes) {
      const toml = join(outDir, `${node.name}.toml`)
      await writeOutputFile(toml, node.toml, { force: values.force === true })
      files.push({ name: node.name, toml, nodekey: join(outDir, `${node.name}.nodekey`) })
    }
    if (values.json) {
      io.out(
        toJsonText({
          outDir,
          gasLimit,
          nodes: config.nodes.map((node, i) => ({
            name: node.name,
            role: node.role,
            zone: nodes[i]?.zone ?? null,
            enode: node.enode,
            toml: files[i]?.toml,
            nodekey: files[i]?.nodekey,
            args: node.args,
            staticNodes: node.staticNodes,
            bootnodes: node.bootnodes,
          })),
        }),
      )
      return 0
    }
    io.out(
      formatTable(
        ['NODE', 'ROLE', 'ZONE', 'ENODE', 'RUN'],
        config.nodes.map((node, i) => [
          node.name,
          node.role,
          nodes[i]?.zone ?? '-',
          node.enode,
          ['geth', '--config', `${node.name}.toml`, '--nodekey', `${node.name}.nodekey`, ...node.args].join(' '),
        ]),
      ),
    )
    io.out(
      `\nwrote ${files.length} configs to ${outDir}${created.length ? `; new node keys for ${created.join(', ')}` : '; node keys kept'}`,
    )
    return 0
  },
}
