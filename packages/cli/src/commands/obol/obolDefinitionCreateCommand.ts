import type { Command } from '../../framework/Command.ts'

export const obolDefinitionCreateCommand: Command = {
  path: ['obol', 'definition', 'create'],
  summary: 'a new, unsigned Obol cluster definition as charon create dkg writes it',
  usage:
    'chainops obol definition create --name NAME --operators 0x…,0x… --validators N --fee-recipient 0x… --withdrawal-address 0x… --network NAME --creator 0x… [--threshold T] [--version v1.11.0] [--deposit-amounts GWEI,…] [--consensus-protocol P] [--target-gas-limit G] [--compounding] [--uuid U] [--timestamp T] [--out FILE] [--force] [--json]',
  options: {
    name: { type: 'string', value: 'NAME', description: 'the cluster name', required: true },
    operators: {
      type: 'string',
      value: '0x…,0x…',
      description: "the operators' addresses in cluster order, EOAs of the DVTNodeKeys tier",
      required: true,
    },
    validators: { type: 'string', value: 'N', description: 'number of distributed validators', required: true },
    'fee-recipient': { type: 'string', value: '0x…', description: "every validator's fee recipient", required: true },
    'withdrawal-address': {
      type: 'string',
      value: '0x…',
      description: "every validator's withdrawal address",
      required: true,
    },
    network: {
      type: 'string',
      value: 'NAME',
      description: 'mainnet, hoodi, sepolia, holesky, gnosis, chiado, goerli, or a genesis fork version 0x……',
      required: true,
    },
    creator: {
      type: 'string',
      value: '0x…',
      description: 'the address that signs the config hash as creator',
      required: true,
    },
    threshold: {
      type: 'string',
      value: 'T',
      description: 'signatures needed, from ceil(2n/3) to n',
      default: 'ceil(2n/3)',
    },
    version: {
      type: 'string',
      value: 'V',
      // @chainops/dvt's clusterVersions, written out so that --help loads no SDK (a test compares).
      description: 'definition version, one of v1.7.0, v1.8.0, v1.9.0, v1.10.0, v1.11.0',
      default: 'v1.11.0',
    },
    'deposit-amounts': {
      type: 'string',
      value: 'GWEI,…',
      description: 'partial deposit amounts in gwei (v1.8.0 and later)',
      default: 'none: one 32 ETH deposit',
    },
    'consensus-protocol': {
      type: 'string',
      value: 'P',
      description: 'consensus protocol (v1.9.0 and later)',
      default: "'' (charon's default)",
    },
    'target-gas-limit': {
      type: 'string',
      value: 'G',
      description: 'target gas limit (v1.10.0 and later)',
      default: '36000000',
    },
    compounding: {
      type: 'boolean',
      description: '0x02 compounding withdrawal credentials (v1.10.0 and later)',
      default: 'off',
    },
    uuid: { type: 'string', value: 'U', description: 'the definition UUID', default: 'a random UUID' },
    timestamp: { type: 'string', value: 'T', description: 'the creation time, RFC 3339', default: 'now' },
    out: { type: 'string', value: 'FILE', description: 'write the definition there', default: 'print it on stdout' },
    force: { type: 'boolean', description: 'replace --out if it exists', default: 'refuse' },
    json: {
      type: 'boolean',
      description: 'with --out, print { file, version, configHash, definitionHash } as JSON (else the definition is)',
    },
  },
  help: 'Each operator then adds its ENR and signatures with `chainops obol definition sign`, the creator with --role creator.',
  async run(input) {
    const { runObolDefinitionCreate } = await import('./runObolDefinitionCreate.ts')
    return runObolDefinitionCreate(input)
  },
}
