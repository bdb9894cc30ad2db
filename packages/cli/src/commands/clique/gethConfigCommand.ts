import type { Command } from '../../framework/Command.ts'

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
  async run(input) {
    const { runGethConfig } = await import('./runGethConfig.ts')
    return runGethConfig(input)
  },
}
