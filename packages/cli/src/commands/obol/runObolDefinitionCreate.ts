import { type ClusterVersion, clusterVersions, createDefinition } from '@chainops/dvt'
import { usageError } from '../../errors/usageError.ts'
import { writeOutputFile } from '../../files/writeOutputFile.ts'
import { addressListFlag } from '../../flags/addressListFlag.ts'
import { integerFlag } from '../../flags/integerFlag.ts'
import { listFlag } from '../../flags/listFlag.ts'
import { requiredIntegerFlag } from '../../flags/requiredIntegerFlag.ts'
import { requiredStringFlag } from '../../flags/requiredStringFlag.ts'
import type { CommandInput } from '../../framework/Command.ts'
import { toJsonText } from '../../output/toJsonText.ts'

/** What `chainops obol definition create` does once its flags are parsed; loaded only when that command runs. */
export async function runObolDefinitionCreate({ values, positionals, io }: CommandInput): Promise<number> {
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
}
