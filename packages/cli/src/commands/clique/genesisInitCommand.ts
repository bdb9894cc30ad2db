import type { Command } from '../../framework/Command.ts'

export const genesisInitCommand: Command = {
  path: ['genesis', 'init'],
  summary: 'build a Clique genesis geth accepts (sealers, London, alloc) and print its hash',
  usage:
    'chainops genesis init --sealers ADDR,ADDR,... [--period S] [--epoch N] [--chain-id N] [--gas-limit N | --target-tps N] [--hardfork london] [--alloc ADDR=COINS ...] [--create2-factory] [--out FILE [--force]] [--json]',
  options: {
    sealers: {
      type: 'string',
      value: 'ADDR,...',
      description: 'the initial signer addresses, comma-separated',
      required: true,
    },
    period: { type: 'string', value: 'S', description: 'seconds between blocks', default: '5' },
    epoch: {
      type: 'string',
      value: 'N',
      description: 'blocks between checkpoints, where pending votes reset',
      default: '30000',
    },
    'chain-id': { type: 'string', value: 'N', description: 'the chain id', default: '2789' },
    'gas-limit': { type: 'string', value: 'N', description: 'the block gas limit', default: '30000000' },
    'target-tps': {
      type: 'string',
      value: 'N',
      description: 'size the gas limit for N transfers a second instead (planCapacity, 20% headroom)',
      default: 'off: --gas-limit applies',
    },
    hardfork: {
      type: 'string',
      value: 'NAME',
      description: 'the last fork active from block 0; Clique seals up to London',
      default: 'london',
    },
    alloc: {
      type: 'string',
      multiple: true,
      value: 'ADDR=COINS',
      description: 'fund an account at genesis, in coins up to 18 decimals; repeatable',
      default: 'no account funded',
    },
    'create2-factory': {
      type: 'boolean',
      description: 'predeploy the deterministic deployment proxy (CREATE2 factory)',
    },
    out: {
      type: 'string',
      value: 'FILE',
      description: 'write the genesis JSON to FILE',
      default: 'stdout, the hash to stderr',
    },
    force: { type: 'boolean', description: 'replace an existing --out file' },
    json: { type: 'boolean', description: 'print { hash, genesis } as JSON ({ hash, path } with --out)' },
  },
  help: [
    'e.g. --alloc 0x96676ec1894Aa23B9BeB5b5cf35795Af02c7907a=30000000000 funds that account with 30 billion coins.',
    '--create2-factory predeploys the deterministic deployment proxy at 0x4e59b44847b379578588920cA78FbF26c0B4956C.',
  ].join('\n'),
  async run(input) {
    const { runGenesisInit } = await import('./runGenesisInit.ts')
    return runGenesisInit(input)
  },
}
