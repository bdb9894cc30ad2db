import { type ClusterVersion, clusterVersions, createDefinition } from '@chainops/dvt'
import { usageError } from '../../errors/usageError.ts'
import { writeOutputFile } from '../../files/writeOutputFile.ts'
import { addressListFlag } from '../../flags/addressListFlag.ts'
import { integerFlag } from '../../flags/integerFlag.ts'
import { listFlag } from '../../flags/listFlag.ts'
import { requiredIntegerFlag } from '../../flags/requiredIntegerFlag.ts'
import { requiredStringFlag } from '../../flags/requiredStringFlag.ts'
import type { Command } from '../../framework/Command.ts'
import { toJsonText } from '../../output/toJsonText.ts'

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
      description: `definition version, one of ${clusterVersions.join(', ')}`,
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
  async run({ values, positionals, io }) {
    if (positionals.length > 0) throw usageError(`unexpected argument "${positionals[0]}"`)
    const version = values.version === undefined ? undefined : String(values.version)
    if (version !== undefined && !(clusterVersions as readonly string[]).includes(version))
      throw usageError(`--version must be one of ${clusterVersions.join(', ')}, got "${version}"`)
    const amounts = listFlag(values['deposit-amounts'])?.map((amount) => {
      if (!/^\d+$/.test(amount)) throw usageError(`--deposit-amounts: "${amount}" is not a whole number of gwei`)
      return BigInt(amount)
    })
    const definition = createDefinition({
      name: requiredStringFlag(values, 'name'),
      operators: addressListFlag(requiredStringFlag(values, 'operators'), 'operators'),
      validators: requiredIntegerFlag(values.validators, 'validators', { min: 1, max: 65536 }),
      threshold: integerFlag(values.threshold, 'threshold', undefined, { min: 1, max: 256 }),
      feeRecipient: requiredStringFlag(values, 'fee-recipient'),
      withdrawalAddress: requiredStringFlag(values, 'withdrawal-address'),
      network: requiredStringFlag(values, 'network'),
      creator: requiredStringFlag(values, 'creator'),
      version: version as ClusterVersion | undefined,
      depositAmounts: amounts,
      consensusProtocol: typeof values['consensus-protocol'] === 'string' ? values['consensus-protocol'] : undefined,
      targetGasLimit: integerFlag(values['target-gas-limit'], 'target-gas-limit', undefined, { min: 1 }),
      compounding: values.compounding === true ? true : undefined,
      uuid: typeof values.uuid === 'string' ? values.uuid : undefined,
      timestamp: typeof values.timestamp === 'string' ? values.timestamp : undefined,
    })
    const text = `${JSON.stringify(definition, null, 2)}\n`
    if (typeof values.out !== 'string') {
      io.out(text.trimEnd())
      return 0
    }
    await writeOutputFile(values.out, text, { force: values.force === true })
    const summary = {
      file: values.out,
      version: definition.version,
      configHash: definition.config_hash,
      definitionHash: definition.definition_hash,
    }
    io.out(
      values.json
        ? toJsonText(summary)
        : `${values.out}: ${definition.version} definition, ${definition.operators.length} operators, threshold ${definition.threshold}, ${definition.num_validators} validators\nconfig hash     ${definition.config_hash}\ndefinition hash ${definition.definition_hash}`,
    )
    return 0
  },
}
