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
import type { CommandInput } from '../../framework/Command.ts'
import { formatTable } from '../../output/formatTable.ts'
import { toJsonText } from '../../output/toJsonText.ts'

/** What `chainops geth config` does once its flags are parsed; loaded only when that command runs. */
export async function runGethConfig({ values, positionals, io }: CommandInput): Promise<number> {
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
      ? planCapacity({ tps: targetTps, period: integerFlag(values.period, 'period', 5, { min: 1 }) as number }).gasLimit
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
}
